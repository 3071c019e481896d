"""Personal data in a text (Nghị định 13/2023/NĐ-CP): pure functions, no files read here.

Detected:

- citizen identity numbers: a standalone run of exactly 12 digits (CCCD) or 9 digits (CMND),
  not part of a longer number, a date, a document number (``123456789/QĐ-UBND``), a code
  (``H48-240312-0001``) or an amount (``7.159.635.648``, ``125000000 đồng``); after the words
  CCCD, CMND, căn cước, chứng minh nhân dân/thư or số định danh, also grouped (``001 234 567 890``);
- personal (mobile) phone numbers: ``0`` + 3, 5, 7, 8 or 9 + 8 digits, or the same after ``+84``
  or ``0084``, with or without spaces, dots or dashes between digits after the first three
  (``0912 345 678``, ``+84 912.345.678``; not a dotted date ``09.12.2023 08:30``); not after
  "mã số thuế"/"MST" (a tax code has the same shape);
- e-mail addresses: every one is taken for a person's (a role or agency mailbox is let through
  by the allow-list, since its shape does not tell it apart);
- bank account numbers: 8 to 16 digits (spaces or dashes allowed) within 40 characters after
  "số tài khoản", "tài khoản", "STK", "số TK" or "TK số", unless written as an amount;
- dates of birth next to a name: "sinh ngày", "ngày sinh", "ngày tháng năm sinh" with a date
  (dd/mm/yyyy), or "năm sinh", "sinh năm" with a year, when a name is within 80 characters
  before or after: two or more capitalised words (``Nguyễn Văn An``) or ông, bà, anh, chị,
  cháu, đồng chí, đ/c, họ tên, họ và tên.

Not detected: landline numbers (02x…), which are offices' numbers; numbers written in words;
ID numbers split by spaces without one of the words above; phone numbers written without
``+`` (``84912345678``); names, addresses, health, religion or other sensitive data on their own;
a birth date with no name nearby (``trẻ em sinh năm 2020``); text in images or scanned PDFs
(see ``content.extract``). A value is allowed when its :func:`key` equals the key of an
allow-list entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    cccd = "số căn cước công dân (CCCD)"
    cmnd = "số chứng minh nhân dân (CMND)"
    phone = "số điện thoại di động"
    email = "địa chỉ thư điện tử"
    bank = "số tài khoản ngân hàng"
    birth = "ngày sinh gắn với tên người"


@dataclass(frozen=True)
class Found:
    kind: Kind
    value: str  # as written in the text
    start: int
    end: int

    @property
    def key(self) -> str:
        return key(self.value)

    @property
    def masked(self) -> str:
        return mask(self)


STAFF_GUIDE = [
    "Số căn cước công dân (12 chữ số) và số chứng minh nhân dân (9 chữ số) đứng riêng, không nằm trong số "
    "lớn hơn, ngày tháng, số ký hiệu văn bản (123456789/QĐ-UBND), mã hồ sơ hay số tiền (7.159.635.648, "
    "125000000 đồng); sau chữ CCCD, CMND, căn cước, chứng minh nhân dân, số định danh thì cả khi viết tách "
    "nhóm (001 234 567 890).",
    "Số điện thoại di động: 0 rồi 3, 5, 7, 8 hoặc 9 và 8 chữ số, hoặc dạng +84, 0084; có hay không có dấu "
    "cách, dấu chấm, gạch ngang sau ba chữ số đầu (0912 345 678, 091 234 5678, +84 912.345.678). Không tính số "
    "đứng sau \"mã số thuế\", \"MST\" và ngày giờ viết bằng dấu chấm (09.12.2023 08:30).",
    "Mọi địa chỉ thư điện tử (không phân biệt được hộp thư cơ quan với hộp thư cá nhân): hộp thư cơ quan, "
    "hộp thư công vụ phải ghi vào danh sách được phép.",
    "Số tài khoản ngân hàng: 8 đến 16 chữ số trong vòng 40 ký tự sau \"số tài khoản\", \"tài khoản\", \"STK\", "
    "\"số TK\", \"TK số\" (không tính số tiền viết kiểu 7.159.635.648).",
    "Ngày sinh gắn với tên người: \"sinh ngày\", \"ngày sinh\", \"ngày tháng năm sinh\" kèm ngày, hoặc \"năm sinh\", "
    "\"sinh năm\" kèm năm, khi trong vòng 80 ký tự có tên người (hai chữ viết hoa liền nhau như Nguyễn Văn An) "
    "hoặc chữ ông, bà, anh, chị, cháu, đồng chí, đ/c, họ tên, họ và tên.",
]
NOT_DETECTED = [
    "Số máy bàn (02…, thường là số cơ quan), số viết bằng chữ, số CCCD viết tách nhóm "
    "mà không có chữ CCCD/CMND đứng trước, số điện thoại viết 84… không có dấu +, họ tên, địa chỉ, thông tin "
    "sức khỏe, tôn giáo… đứng riêng, năm sinh không kèm tên người (\"trẻ em sinh năm 2020\"), chữ trong ảnh "
    "(JPG, PNG) và trong PDF bản chụp (scan). Những thứ này người soạn nội dung phải tự kiểm tra.",
]

_NUMBER_BEFORE = r"(?<!\d)(?<!\d[.,])(?<!\w[/\-])"
_NUMBER_AFTER = r"(?!\d)(?![.,]\d)(?![/\-]\w)"
_MONEY_AFTER = r"(?!\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn))"
_ID = re.compile(_NUMBER_BEFORE + r"(\d{12}|\d{9})" + _NUMBER_AFTER + _MONEY_AFTER, re.IGNORECASE)
_ID_WORDS = re.compile(r"(?:\bCCCD|\bCMND|\bCMTND|căn\s+cước|chứng\s+minh\s+(?:nhân\s+dân|thư)|số\s+định\s+danh)"
                       r"[^\d\n]{0,30}?(?<!\d)(\d(?:[ .]?\d){8,11})(?!\d)(?![.,]\d)" + _MONEY_AFTER, re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # 123.456.789: an amount, as Vietnamese writes it
# The first three digits of a mobile number stand together (0912 345 678, 091 234 5678); a dotted
# date and time (09.12.2023 08) does not.
_PHONE = re.compile(_NUMBER_BEFORE + r"((?:(?:\+84|\(\+84\)|0084)[ .\-]?[35789]\d|0[35789]\d)(?:[ .\-]?\d){7})"
                    + _NUMBER_AFTER)
_TAX_WORDS = re.compile(r"(?:mã\s+số\s+thuế|\bMST|mã\s+số\s+doanh\s+nghiệp|\bMSDN)\W{0,5}$", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", re.ASCII)
_BANK = re.compile(r"(?:\bsố\s+tài\s+khoản|\btài\s+khoản|\bSTK\b|\bsố\s+TK\b|\bTK\s+số)[^\d\n]{0,40}?"
                   r"(?<!\d)(\d(?:[ \-]?\d){7,15})" + _NUMBER_AFTER + _MONEY_AFTER, re.IGNORECASE)
_BIRTH = re.compile(r"(?:sinh\s+ngày|ngày\s+sinh|ngày,?\s+tháng,?\s+năm\s+sinh)\s*[:：]?\s*"
                    r"(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})"
                    r"|(?:năm\s+sinh|sinh\s+năm)\s*[:：]?\s*(\d{4})(?!\d)", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"\b(?:ông|bà|anh|chị|cháu|đồng\s+chí|đ/c|họ\s+tên|họ\s+và\s+tên)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
NAME_WINDOW = 80


def find_personal(text: str) -> list[Found]:
    """Every piece of personal data in ``text``, in reading order; overlapping finds counted once."""
    found: list[Found] = []
    # Most specific first: an account number is not also reported as an ID number.
    for finder in (_banks, _ids_after_words, _phones, _ids, _emails, _births):
        for item in finder(text):
            if not any(item.start < f.end and f.start < item.end for f in found):
                found.append(item)
    return sorted(found, key=lambda f: f.start)


def _banks(text: str) -> list[Found]:
    found = []
    for m in _BANK.finditer(text):
        if 8 <= _digit_count(m.group(1)) <= 16:
            found.append(Found(Kind.bank, m.group(1), m.start(1), m.end(1)))
    return found


def _ids_after_words(text: str) -> list[Found]:
    found = []
    for m in _ID_WORDS.finditer(text):
        count = _digit_count(m.group(1))
        if count in (9, 12) and not _THOUSANDS.fullmatch(m.group(1)):
            found.append(Found(Kind.cccd if count == 12 else Kind.cmnd, m.group(1), m.start(1), m.end(1)))
    return found


def _ids(text: str) -> list[Found]:
    return [Found(Kind.cccd if len(m.group(1)) == 12 else Kind.cmnd, m.group(1), m.start(1), m.end(1))
            for m in _ID.finditer(text)]


def _phones(text: str) -> list[Found]:
    return [Found(Kind.phone, m.group(1), m.start(1), m.end(1)) for m in _PHONE.finditer(text)
            if not _TAX_WORDS.search(text[max(0, m.start(1) - 30):m.start(1)])]


def _emails(text: str) -> list[Found]:
    return [Found(Kind.email, m.group(0), m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _births(text: str) -> list[Found]:
    found = []
    for m in _BIRTH.finditer(text):
        group = 1 if m.group(1) else 2
        if _name_near(text[max(0, m.start() - NAME_WINDOW):m.start()], text[m.end():m.end() + NAME_WINDOW]):
            found.append(Found(Kind.birth, m.group(group), m.start(group), m.end(group)))
    return found


def _name_near(before: str, after: str) -> bool:
    return any(_TITLE_WORDS.search(part) or _capitalised_run(part) for part in (before, after))


def _capitalised_run(text: str) -> bool:
    """Two or more capitalised words in a row, as a Vietnamese name is written (Nguyễn Văn An)."""
    run, last_end = 0, -1
    for m in _WORD.finditer(text):
        word = m.group(0)
        named = word[0].isupper() and (len(word) == 1 or word[1:].islower())
        adjacent = last_end >= 0 and text[last_end:m.start()].isspace()
        run = (run + 1 if adjacent and run else 1) if named else 0
        last_end = m.end()
        if run >= 2:
            return True
    return False


def _digit_count(value: str) -> int:
    return sum(c.isdigit() for c in value)


def key(value: str) -> str:
    """What two writings of one value have in common: the digits of a number (+84 read as 0),
    or the text in lower case with single spaces."""
    text = " ".join(value.split())
    if re.fullmatch(r"[\d\s.+()\-/]+", text) and _digit_count(text) >= 4:
        digits = re.sub(r"\D", "", text)
        if text.lstrip("(").startswith("+84"):
            return "0" + digits[2:]
        return "0" + digits[4:] if digits.startswith("0084") else digits
    return text.casefold()


def mask(found: Found) -> str:
    """The value with most of it hidden, for messages: 0912 *** ***, ng***@example.vn, **/**/****."""
    if found.kind is Kind.email:
        local, _, domain = found.value.partition("@")
        return f"{local[:2]}***@{domain}"
    if found.kind is Kind.birth:
        return re.sub(r"\d", "*", found.value)
    digits = key(found.value) if found.kind is Kind.phone else re.sub(r"\D", "", found.value)
    rest = len(digits) - 4
    size = 3 if rest % 3 == 0 else 4 if rest % 4 == 0 else rest
    groups = [("*" * size)] * (rest // size) if size else []
    return " ".join([digits[:4], *groups])
