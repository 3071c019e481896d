"""Limits on what ``python -m generator import`` reads, set in one place and stated in the staff guide.

They stop a wrong or hostile file (a scanned book, a .docx that unpacks to gigabytes, a
text export saved in a loop) before it ties up the computer, with a message that says
which limit and what to do. The 2024 report is far below every one of them: its .docx is
about 50 KB, about 300 paragraphs and 30 table rows, and imports in about a second.

The .docx checks run on the zip's table of contents, before any part of the file is
unpacked or parsed, so a small file that would unpack to gigabytes is refused at once.
"""

from __future__ import annotations

from ..util.vn import vn_number

MB = 1024 * 1024

MAX_DOCX_MB = 20
"""Tệp Word .docx không quá 20 MB (báo cáo năm 2024 khoảng 50 KB; ảnh lớn làm tệp nặng)."""

MAX_TXT_MB = 5
"""Tệp văn bản .txt (bản xuất dạng văn bản) không quá 5 MB."""

MAX_UNZIPPED_MB = 100
"""Tệp .docx là một tệp nén: tổng các phần bên trong khi giải nén không quá 100 MB."""

MAX_PART_MB = 50
"""Mỗi phần bên trong tệp .docx (kể cả phần chữ word/document.xml) khi giải nén không quá 50 MB."""

MAX_COMPRESSION_RATIO = 200
"""Mỗi phần lớn hơn 1 MB khi giải nén không lớn hơn 200 lần khi nén (tệp Word thường 3–30 lần;
tệp lớn gấp hàng nghìn lần là tệp hỏng hoặc "bom nén")."""

RATIO_FROM_MB = 1
"""Tỷ lệ nén chỉ được xét với phần lớn hơn 1 MB khi giải nén (phần nhỏ nén nhiều lần vẫn vô hại)."""

MAX_PARTS = 1000
"""Tệp .docx không quá 1.000 phần bên trong (báo cáo năm 2024 có khoảng 15 phần)."""

MAX_PARAGRAPHS = 20_000
"""Không quá 20.000 đoạn văn, tính cả đoạn trong các ô bảng (báo cáo năm 2024 có khoảng 300)."""

MAX_TABLE_ROWS = 5_000
"""Không quá 5.000 hàng bảng (mỗi hàng có STT trong phụ lục thành một tệp nhiệm vụ)."""

MAX_SECONDS = 120
"""Một lần nhập không quá 120 giây; quá thời gian thì dừng và không ghi gì."""

STAFF_GUIDE = [
    f"Tệp Word .docx không quá {MAX_DOCX_MB} MB; tệp văn bản .txt không quá {MAX_TXT_MB} MB.",
    f"Tệp .docx khi giải nén không quá {MAX_UNZIPPED_MB} MB, mỗi phần bên trong (kể cả word/document.xml) "
    f"không quá {MAX_PART_MB} MB, không quá {vn_number(MAX_PARTS)} phần, và phần lớn hơn {RATIO_FROM_MB} MB "
    f"không được nén quá {MAX_COMPRESSION_RATIO} lần.",
    f"Báo cáo không quá {vn_number(MAX_PARAGRAPHS)} đoạn văn (tính cả đoạn trong ô bảng) và "
    f"{vn_number(MAX_TABLE_ROWS)} hàng bảng.",
    f"Một lần nhập không quá {MAX_SECONDS} giây; quá thời gian thì lệnh dừng và không ghi tệp nào.",
    "Nhập lại với --force: thư mục báo cáo cũ được giữ nguyên vẹn trong sao-luu/<tên>-<ngày>-<giờ>/ "
    "(ngoài content/); lệnh liệt kê phần làm tay chỉ còn trong bản sao lưu và cách chép lại.",
]
