"""``python -m generator schema``: the staff guide to content files, generated from the code that
enforces them: the schema models, the content limits and the attachment rules."""

from __future__ import annotations

import inspect
import typing

from pydantic import BaseModel

from ..analysis import finder, personal
from ..content import attachments, extract, limits
from ..content.allowlist import ALLOW_LIST_FILE
from ..importer import limits as import_limits
from ..schema import disclosure, evidence, report, unit
from ..schema import personal as personal_schema
from ..schema.disclosure import item as disclosure_item
from .package import CHANGES, CHECKSUMS, INFO

DOCUMENTED: list[tuple[type[BaseModel], str]] = [
    (unit.Unit, "content/unit.yaml"),
    (report.Report, "content/reports/<thư-mục>/report.yaml"),
    (report.Basis, "một mục trong basis của report.yaml"),
    (report.Section, "một mục trong sections của report.yaml"),
    (report.Signature, "signature trong report.yaml"),
    (report.Appendix, "appendix trong report.yaml"),
    (report.AppendixColumn, "một mục trong columns của appendix"),
    (report.Task, "content/reports/<thư-mục>/tasks/nhiem-vu-NN.yaml"),
    (report.TaskColumn, "một mục trong other_columns của nhiệm vụ"),
    (report.Figure, "một mục trong figures của nhiem-vu-NN.yaml"),
    (evidence.Evidence, "content/evidence/<mã>.yaml"),
    (unit.Leader, "một mục trong leaders của content/unit.yaml"),
    (unit.FocalPoint, "focal_point trong content/unit.yaml"),
    (disclosure_item.DisclosureItem, "content/disclosure/items/<mã>.yaml"),
    (disclosure_item.Period, "period trong một thông tin công khai"),
    (disclosure_item.Budget, "budget trong một thông tin công khai (chuyên mục ngân sách)"),
    (disclosure_item.ReportingPeriod, "reporting_period: kỳ báo cáo, kỳ số liệu"),
    (disclosure_item.Plan, "plan trong một thông tin công khai (chuyên mục kế hoạch)"),
    (disclosure_item.Project, "project trong một thông tin công khai (đầu tư công, mua sắm công)"),
    (disclosure_item.Fund, "fund trong một thông tin công khai (phí, lệ phí, quỹ, đóng góp)"),
    (disclosure_item.Statistics, "statistics trong một thông tin công khai (thống kê)"),
    (disclosure_item.Consultation, "consultation trong một thông tin công khai (lấy ý kiến dự thảo)"),
    (disclosure_item.Correction, "correction trong một thông tin công khai (đính chính)"),
    (disclosure_item.NewsPost, "content/news/<mã>.yaml"),
    (disclosure_item.DaysOff, "content/disclosure/ngay-nghi.yaml"),
    (disclosure_item.DayNote, "một mục trong days_off hoặc working_days của ngay-nghi.yaml"),
    (disclosure_item.UnitProfile, "content/disclosure/gioi-thieu.yaml"),
    (disclosure_item.Relic, "một mục trong relics của gioi-thieu.yaml"),
    (disclosure_item.AccessSection, "content/disclosure/tiep-can-thong-tin.yaml"),
    (disclosure_item.RequestForm, "một mục trong request_forms của tiep-can-thong-tin.yaml"),
    (disclosure_item.ConditionalInfo, "một mục trong conditional của tiep-can-thong-tin.yaml"),
    (disclosure.CategoryList, "content/disclosure/categories.yaml"),
    (disclosure.LegalText, "một mục trong legal_texts của categories.yaml"),
    (disclosure.Category, "một mục trong categories của categories.yaml"),
    (disclosure.Obligation, "một mục trong obligations của một chuyên mục"),
    (disclosure.Rule, "một mục trong rules của một quy định"),
    (disclosure.Citation, "một căn cứ trong basis"),
    (personal_schema.AllowList, f"content/{ALLOW_LIST_FILE}"),
    (personal_schema.AllowedValue, "một mục trong entries của danh sách dữ liệu cá nhân được phép"),
]

UPLOAD_GUIDE = [
    "### Tạo gói", "",
    "1. Chạy `make check`, sửa hết lỗi; rà soát danh sách dữ liệu cá nhân được phép mà lệnh in ra.",
    "2. Chạy `make dist`. Lệnh in ngày tham chiếu (mặc định hôm nay; chọn ngày khác: "
    "`make dist DIST_FLAGS=\"--as-of 31/12/2024\"`), tạo gói `dist/<đơn-vị>-<ngày>.zip` và bên cạnh gói: "
    f"`{CHECKSUMS}` (mã kiểm tra từng tệp), `{INFO}` (gói có những gì, từ tệp nội dung nào; chuyên mục còn thiếu) "
    f"và `{CHANGES}` (tệp cần tải lên, cần xóa). Gói đã được kiểm tra như lệnh verify trước khi có tên chính thức.",
    "3. Lệnh báo lỗi thì không có gói mới, các gói cũ giữ nguyên: sửa theo từng dòng (tệp, dòng, việc cần làm) rồi "
    "chạy lại. Báo cáo dự thảo (chưa có số, ngày) chỉ được đóng gói khi đơn vị quyết định công khai: ghi "
    "`draft_publication` (người quyết định, ngày) trong report.yaml và chạy `make dist DIST_FLAGS=--allow-draft`.",
    "4. Chép gói sang máy tải lên (USB…) rồi kiểm tra lại: "
    "`.venv/bin/python -m generator verify dist/<tệp>.zip` phải in \"đạt\".", "",
    "### Tải lên cổng", "",
    "1. Giải nén gói vào một thư mục trống. Không tải lên thư mục `content/`, tệp `.yaml` hay thư mục `site/`.",
    f"2. Mở `dist/{CHANGES}`. Gói đầu tiên: tải lên toàn bộ các tệp đã giải nén, giữ nguyên cấu trúc thư mục.",
    "3. Các gói sau: tải lên các tệp ở mục 1 (thêm mới) và mục 2 (thay đổi, ghi đè tệp cũ), đúng thư mục như "
    "trong gói; xóa trên cổng các tệp ở mục 3. Đánh dấu [x] từng dòng khi làm xong.",
    f"4. {CHANGES} so với gói được tạo gần nhất trong dist/. Nếu gói đó chưa được tải lên, tạo lại danh sách so "
    "với gói đang có trên cổng: `make dist DIST_FLAGS=\"--since dist/<gói-trên-cổng>.zip\"`.", "",
    "### Kiểm tra sau khi tải lên", "",
    "1. Mở trang chủ trên cổng (tải lại bằng Ctrl+F5). Trang \"Tình trạng công khai\" ghi đúng ngày tham chiếu "
    "như tên gói.",
    f"2. Với từng dòng ở mục 1 và 2 của {CHANGES}: mở trang đó trên cổng, thấy nội dung mới. Với mục 3: mở "
    "địa chỉ cũ, cổng phải báo không tìm thấy.",
    "3. Bấm vài mục của menu, tìm một từ trong ô tìm kiếm, mở một tệp đính kèm.",
    f"4. Nếu tải lại được các tệp từ cổng về máy: trong thư mục đó, `sha256sum -c {CHECKSUMS}` phải báo OK "
    "cho mọi tệp.", "",
    "### Quay lại gói trước (gói mới có sai sót)", "",
    "1. Các gói cũ vẫn nằm trong dist/: đừng xóa chúng. Giải nén gói trước vào một thư mục trống.",
    f"2. Cách nhanh, theo {CHANGES} của gói mới: xóa trên cổng các tệp ở mục 1; tải lên từ gói trước các tệp "
    "ở mục 2 và mục 3.",
    "3. Cách chắc chắn: xóa toàn bộ tệp của trang trên cổng, tải lên toàn bộ gói trước.",
    "4. Kiểm tra như trên. Sửa nội dung, tạo gói mới; so sánh với gói đang trên cổng bằng "
    "`make dist DIST_FLAGS=\"--since dist/<gói-trước>.zip\"`.",
]


def schema_markdown() -> str:
    lines = ["# Hướng dẫn các trường nội dung", "",
             "Tệp này được tạo tự động từ các tệp trong `generator/schema/` bằng `python -m generator schema`. "
             "Đừng sửa tay.", ""]
    for model, where in DOCUMENTED:
        lines += [f"## {model.__name__} — `{where}`", "", inspect.getdoc(model) or "", "",
                  "| Trường | Bắt buộc | Ý nghĩa |", "| --- | --- | --- |"]
        for name, field in model.model_fields.items():
            required = "có" if field.is_required() else "không"
            meaning = field.description or _type_name(field.annotation)
            lines.append(f"| `{field.alias or name}` | {required} | {meaning} |")
        lines.append("")
    lines += ["## Số liệu được kiểm tra thế nào", "", *(f"- {rule}" for rule in finder.STAFF_GUIDE), ""]
    lines += ["## Dữ liệu cá nhân được kiểm tra thế nào", "",
              "Trước khi đóng gói, mọi chữ trong các tệp nội dung và trong tệp đính kèm được kiểm tra dữ liệu cá nhân "
              "(Nghị định 13/2023/NĐ-CP). Gặp một giá trị là lệnh dừng, báo tệp, dòng (hoặc trang, trang tính, đoạn), "
              "loại dữ liệu và giá trị đã che bớt. Giá trị được phép công khai (số công vụ, hộp thư cơ quan) ghi vào "
              f"`content/{ALLOW_LIST_FILE}`, mỗi giá trị kèm lý do; `make check` in danh sách này để rà soát.", "",
              "Phát hiện:", "", *(f"- {rule}" for rule in personal.STAFF_GUIDE), "",
              "Tệp đính kèm:", "", *(f"- {rule}" for rule in extract.STAFF_GUIDE), "",
              "Không phát hiện:", "", *(f"- {rule}" for rule in personal.NOT_DETECTED), ""]
    lines += ["## Đóng gói và tải lên cổng", "", *UPLOAD_GUIDE, ""]
    lines += ["## Giới hạn", "", *(f"- {rule}" for rule in limits.STAFF_GUIDE),
              f"- Tệp đính kèm: chỉ nhận {attachments.ALLOWED_TEXT}, mỗi tệp không quá {attachments.MAX_MB} MB; "
              "nội dung tệp phải đúng loại ghi ở đuôi tệp (không nhận HTML, SVG, chương trình).",
              "- Mọi tệp trong content/ phải là tệp nội dung đặt đúng chỗ (đuôi .yaml, chữ thường) hoặc tệp đính kèm "
              "được một tài liệu dùng; tệp khác bị báo lỗi.", ""]
    lines += ["### Khi nhập báo cáo từ Word hoặc tệp văn bản", "",
              *(f"- {rule}" for rule in import_limits.STAFF_GUIDE), ""]
    return "\n".join(lines)


def _type_name(annotation: object) -> str:
    origin = typing.get_origin(annotation)
    if origin is list:
        inner = typing.get_args(annotation)[0]
        return f"danh sách {getattr(inner, '__name__', 'giá trị')}"
    return getattr(annotation, "__name__", str(annotation))
