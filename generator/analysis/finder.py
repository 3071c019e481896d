"""Find the figures a paragraph states, in whatever words it states them.

The grammar, sentence by sentence (a sentence ends at ';', at a '.' that is not inside a
number, or at the end of the paragraph; '(…)' stays with its sentence):

- **A rate and its counts.** A percentage ``P%`` is paired with the nearest fraction of the
  same sentence that no closer percentage claims, before or after it. A fraction is
  ``a/b`` (units may stand on either side: ``7.159.635.648 đồng/5.684.600.000 đồng``) or
  ``a … trên|trong (tổng số) b``. So "93,76% (1051/1121 văn bản)", "1051/1121 văn bản,
  đạt 93,76%", "1.180 hồ sơ trên tổng số 1.250 hồ sơ, đạt tỷ lệ 94,4%" all pair.
- **A count with its rate.** An unpaired ``P%`` right after a count ``C`` ("C hồ sơ
  (P%)", "C (tỷ lệ P%)", "C hồ sơ, chiếm|đạt|bằng|là P%") or with the count in
  parentheses after it ("P% (C hồ sơ)") is ``C`` over a total: the total of the group
  ``C`` is listed in (below), else the last "tổng số T" / "tổng cộng T" before it in the
  paragraph.
- **A total and its parts.** ``T`` followed by "gồm", "bao gồm", "trong đó" (with or
  without ':' or '(') heads a group; its parts are the numbers of the group that are not
  rates, fractions or dates (a group in parentheses ends at its ')', else at the end of
  the sentence). "gồm" and a group in parentheses list every part, so the parts must add
  up to ``T``; after a bare "trong đó" they are checked only when each part names the
  same unit as ``T`` (else they may be overlapping subsets: "trong đó 45 nữ, 60 đảng viên").
  Also "A …, B … và C …, tổng cộng T …" and "A + B = T".
- **A rate alone** ("đạt 100%") has nothing to recompute: it is reported as stated only.

Numbers are Vietnamese (``2.948``, ``99,3``, ``7.159.635.648``); "nghìn", "triệu", "tỷ" after
a number multiply it; "đ" or "đồng" may be glued to it (``3.250.000.000đ``). Dates
(``15/12/2023``), document numbers (``124/KH-UBND``) and years after "năm" are never figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..util.vn import parse_vn_number

# The same grammar for the staff guide (``python -m generator schema``), in the clerks' words.
STAFF_GUIDE = [
    "Trang tự tìm số liệu trong mọi đoạn văn của báo cáo (phần thân và từng nhiệm vụ), theo từng câu "
    "(câu kết thúc ở dấu chấm phẩy, dấu chấm không nằm trong số, hoặc cuối đoạn).",
    "Tỷ lệ và số gốc: một tỷ lệ P% được ghép với phân số gần nhất trong câu, đứng trước hay sau: "
    "\"93,76% (1051/1121 văn bản)\", \"1051/1121 văn bản, đạt 93,76%\", "
    "\"1.180 hồ sơ trên tổng số 1.250 hồ sơ, đạt tỷ lệ 94,4%\", \"846 hồ sơ trong tổng số 900 hồ sơ (94%)\".",
    "Số lượng kèm tỷ lệ: \"860 hồ sơ (68,8%)\", \"2926 (tỷ lệ 99,3%)\", \"315 hộ, chiếm 90%\", "
    "\"100% (120 hồ sơ)\" được tính trên tổng của nhóm chứa nó (xem dưới) hoặc trên số đứng sau "
    "\"tổng số\", \"tổng cộng\" gần nhất trong đoạn.",
    "Tổng và các phần: \"1.250 hồ sơ, gồm 1.100 hồ sơ trực tuyến và 150 hồ sơ trực tiếp\", "
    "\"121 cá nhân (trong đó 93 BTXH; 28 NCC)\", \"96 giấy trực tuyến và 24 giấy trực tiếp, tổng cộng 120 giấy\", "
    "\"1.205 + 3.410 = 4.615\". Sau \"trong đó\" không có ngoặc, các phần chỉ được cộng khi cùng đơn vị với tổng "
    "(vì có thể là các nhóm chồng nhau như \"trong đó 45 nữ, 60 đảng viên trẻ\").",
    "Tỷ lệ đứng một mình (\"đạt 100%\") được ghi là chỉ nêu tỷ lệ, không bao giờ được coi là đã kiểm tra.",
    "Số viết kiểu Việt Nam (2.948; 99,3; 7.159.635.648); \"nghìn\", \"triệu\", \"tỷ\" sau số được nhân vào. "
    "Ngày (15/12/2023), số văn bản (124/KH-UBND), năm và số thứ tự (năm 2024, nhiệm vụ 3) không phải số liệu.",
    "Tỷ lệ khớp khi chênh lệch không quá nửa đơn vị của chữ số cuối đã viết (99,3% đúng cho 99,25%); "
    "tổng khớp khi bằng đúng tổng các phần. Số liệu lệch là lỗi: sửa cho đúng văn bản gốc, hoặc nếu văn bản "
    "đã ký ghi đúng như vậy thì ghi xác nhận vào acknowledged (figure, by, date, reason) của tệp chứa câu đó.",
    "Khi trang ghép sai, khai báo số liệu đúng trong figures của nhiệm vụ: số liệu khai báo thay cho số liệu "
    "trang tìm thấy có cùng tỷ lệ hoặc cùng tổng.",
]

NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
NUMBER = re.compile(rf"(?<![\w.,/])({NUM})(?![\w/]|[.,]\d)")
_PERCENT = re.compile(rf"(?<![\w.,/])({NUM})\s*%")
_WORD = r"[^\W\d_]+"
_UNIT = re.compile(rf"\s*({_WORD})")
_MULTIPLIERS = {"nghìn": Decimal(1000), "ngàn": Decimal(1000), "triệu": Decimal(10) ** 6, "tỷ": Decimal(10) ** 9}
_TWO_WORD_UNITS = {"hồ sơ", "văn bản", "cá nhân", "đối tượng", "chỉ tiêu", "thủ tục", "giấy phép", "đảng viên",
                   "lượt người", "gia đình", "người dân", "cán bộ", "công chức", "tin bài", "lớp học"}
_MASKS = [
    re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}(?:\s*-\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})?"),  # dates
    re.compile(r"\d+(?:/\d{4})?/[A-ZĐ][\wĐđ-]*"),  # document numbers: 124/KH-UBND, 13/2018/NĐ-CP
    re.compile(r"(?i:năm|tháng|ngày|quý|giai đoạn)\s+\d+(?:\s*-\s*\d+)?"),  # years, months, periods
    re.compile(r"(?i:nhiệm vụ|mục|điều|khoản|điểm|phụ lục)\s+\d+"),  # references, not quantities
]
_GLUED_CURRENCY = re.compile(r"(?<=\d)(?:đồng|đ)(?!\w)")
_FRACTION = re.compile(
    rf"(?<![\w.,/])(?P<a>{NUM})(?P<ua>(?:\s+{_WORD}){{0,4}}?)(?:\s*/|\s+(?:trên|trong)\s+(?:tổng\s+số\s+|tổng\s+)?)\s*(?P<b>{NUM})(?![\w/]|[.,]\d)")
_GROUP_HEAD = re.compile(rf"(?<![\w.,/])(?P<t>{NUM})(?P<ut>(?:\s+{_WORD}){{0,4}}?)\s*(?P<open>[(:,]?)\s*"
                         r"(?P<kind>bao gồm|gồm|trong đó)\s*:?", re.IGNORECASE)
_TOTAL_WORD = re.compile(rf"(?<!\w)(?:tổng\s+số|tổng\s+cộng|cộng|tổng)(?:\s+{_WORD}){{0,5}}?"
                         rf"\s*(?:là|:)?\s*(?P<t>{NUM})", re.IGNORECASE)
_EQUATION = re.compile(rf"(?<![\w.,/])(?P<parts>{NUM}(?:\s*\+\s*{NUM})+)\s*=\s*(?P<t>{NUM})")
_COUNT_BEFORE = re.compile(rf"(?<![\w.,/])(?P<c>{NUM})(?P<uc>(?:\s+{_WORD}){{0,6}}?)\s*(?:\(\s*|,\s*)?"
                           r"(?:(?:đạt\s+|chiếm\s+|bằng\s+|là\s+)?(?:tỷ\s+lệ\s+)?(?:là\s+)?)$", re.IGNORECASE)
_COUNT_AFTER = re.compile(rf"\s*\(\s*(?P<c>{NUM})(?P<uc>(?:\s+{_WORD}){{0,3}})\s*\)")


@dataclass(frozen=True)
class Number:
    written: str
    value: Decimal
    start: int
    end: int
    unit: str = ""  # the word after the number, lower case ('' when none)


@dataclass
class Stated:
    """One figure of a paragraph: what the text writes, with its place."""

    written: str
    start: int
    percent: Number | None = None
    value: Number | None = None
    total: Number | None = None
    parts: list[Number] = field(default_factory=list)
    body: tuple[int, int] | None = None  # for a group head: where its parts are written
    sentence: str = ""


def find(text: str) -> list[Stated]:
    """Every figure of a paragraph, in reading order."""
    masked = _mask(text)
    found: list[Stated] = []
    for start, end in _sentences(masked):
        found += _in_sentence(text, masked, start, end)
    return sorted(found, key=lambda s: s.start)


def _mask(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: re.sub(r"\d", "#", m.group(0)), text)
    # '3.250.000.000đ/3.000.000.000đ': the currency glued to the number would make it a word;
    # blanked, not removed, so places in the masked text stay places in the text.
    return _GLUED_CURRENCY.sub(lambda m: " " * len(m.group(0)), text)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start, depth = [], 0, 0
    for at, char in enumerate(text):
        depth += (char == "(") - (char == ")" and depth > 0)
        ends = char == ";" and depth == 0
        ends |= char == "." and depth == 0 and not (at + 1 < len(text) and text[at + 1].isdigit())
        if ends:
            spans.append((start, at))
            start = at + 1
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _number(text: str, match: re.Match[str], group: str | int = 1, unit_from: int | None = None) -> Number | None:
    written = match.group(group)
    try:
        value = parse_vn_number(written)
    except ValueError:
        return None
    end = match.end(group)
    unit_match = _UNIT.match(text, unit_from if unit_from is not None else end)
    unit = unit_match.group(1).lower() if unit_match else ""
    if unit in _MULTIPLIERS:
        value *= _MULTIPLIERS[unit]
        after = _UNIT.match(text, unit_match.end()) if unit_match else None
        unit = f"{unit} {after.group(1).lower()}" if after else unit
    if unit and unit_match and unit_match.group(1).isupper():
        unit = ""  # 'BTXH', 'NCC': names of categories, not units
    elif unit_match and (after := _UNIT.match(text, unit_match.end())):
        unit = f"{unit} {after.group(1)}" if f"{unit} {after.group(1)}" in _TWO_WORD_UNITS else unit
    return Number(written, value, match.start(group), end, unit)


def _in_sentence(text: str, masked: str, start: int, end: int) -> list[Stated]:
    percents = [n for m in _PERCENT.finditer(masked, start, end) if (n := _number(masked, m))]
    fractions = _fractions(masked, start, end)
    found, used_fractions, paired = _pair_rates(percents, fractions)
    groups = _groups(masked, start, end, used_fractions)
    found += _shares(masked, percents, paired, groups, start, end)
    found += [g for g in groups if g.parts]
    sentence = " ".join(text[start:end].split())
    for stated in found:
        stated.written = _written(text, stated)
        stated.sentence = sentence
    return found


def _fractions(text: str, start: int, end: int) -> list[tuple[Number, Number, int, int]]:
    found = []
    for m in _FRACTION.finditer(text, start, end):
        a, b = _number(text, m, "a"), _number(text, m, "b")
        if a is not None and b is not None and not re.match(r"\s*%", text[m.end():]):
            found.append((a, b, m.start(), m.end()))
    return found


def _pair_rates(percents: list[Number], fractions: list[tuple[Number, Number, int, int]]
                ) -> tuple[list[Stated], set[int], set[int]]:
    """Each percentage with the nearest fraction no closer percentage claims."""
    options = sorted((_gap(p, f), i, j) for i, p in enumerate(percents) for j, f in enumerate(fractions))
    found, used, paired = [], set(), set()
    for _, i, j in options:
        if i in paired or j in used or _between(percents, fractions[j], percents[i]):
            continue
        a, b, f_start, f_end = fractions[j]
        p = percents[i]
        found.append(Stated("", min(p.start, f_start), percent=p, value=a, total=b))
        paired.add(i)
        used.add(j)
    return found, used, paired


def _gap(p: Number, f: tuple[Number, Number, int, int]) -> int:
    return max(f[2] - p.end, p.start - f[3], 0)


def _between(percents: list[Number], f: tuple[Number, Number, int, int], p: Number) -> bool:
    low, high = sorted((p.start, f[2]))
    return any(low < q.start < high and q is not p for q in percents)


def _groups(text: str, start: int, end: int, used_fractions: set[int]) -> list[Stated]:
    groups = []
    for m in _GROUP_HEAD.finditer(text, start, end):
        total = _number(text, m, "t")
        if total is None:
            continue
        body_start = m.end()
        in_paren = m.group("open") == "(" or text[m.end("t"):m.start("kind")].rstrip().endswith("(")
        body_end = _close(text, body_start, end) if in_paren else end
        parts = _parts(text, body_start, body_end)
        exhaustive = in_paren or m.group("kind").lower() != "trong đó" or (
            bool(total.unit) and all(_same_unit(p, total) for p in parts))
        checked = parts if exhaustive and len(parts) >= 2 else []
        groups.append(Stated("", m.start(), value=total, parts=checked, body=(body_start, body_end)))
    for m in _EQUATION.finditer(text, start, end):
        numbers = [n for p in NUMBER.finditer(text, m.start(), m.end("parts")) if (n := _number(text, p))]
        total = _number(text, m, "t")
        if total is not None and len(numbers) >= 2:
            groups.append(Stated("", m.start(), value=total, parts=numbers))
    for m in _TOTAL_WORD.finditer(text, start, end):
        total = _number(text, m, "t")
        if total is None or not total.unit:
            continue
        before = [n for n in _parts(text, start, m.start()) if _same_unit(n, total)]
        if len(before) >= 2 and re.search(r"\bvà\b", text[before[0].end:m.start()]):
            groups.append(Stated("", before[0].start, value=total, parts=before))
    return groups


def _same_unit(a: Number, b: Number) -> bool:
    return bool(a.unit) and a.unit.split()[0] == b.unit.split()[0]


def _close(text: str, at: int, end: int) -> int:
    depth = 1
    for i in range(at, end):
        depth += (text[i] == "(") - (text[i] == ")")
        if depth == 0:
            return i
    return end


def _parts(text: str, start: int, end: int) -> list[Number]:
    """Numbers of a group at its own level: not in nested '(…)', not rates, not fractions."""
    flat = list(text[start:end])
    depth = 0
    for i, char in enumerate(flat):
        depth += (char == "(") - (char == ")" and depth > 0)
        if depth > 0 or char == ")":
            flat[i] = " "
    level = text[:start] + "".join(flat) + text[end:]
    level = _FRACTION.sub(lambda m: " " * len(m.group(0)), level)
    parts = []
    for m in NUMBER.finditer(level, start, end):
        if not re.match(r"\s*%", level[m.end():]) and (n := _number(level, m)):
            parts.append(n)
    return parts


def _shares(text: str, percents: list[Number], paired: set[int], groups: list[Stated],
            sentence_start: int, sentence_end: int) -> list[Stated]:
    """Unpaired rates next to a count: that count over the total of its group or paragraph."""
    found = []
    for i, p in enumerate(percents):
        if i in paired:
            continue
        count = _count_near(text, p, sentence_start)
        if count is None:
            found.append(Stated("", p.start, percent=p))
            continue
        total = _total_for(text, count, groups, sentence_end)
        found.append(Stated("", min(count.start, p.start), percent=p, value=count, total=total))
    return found


def _count_near(text: str, p: Number, sentence_start: int) -> Number | None:
    before = _COUNT_BEFORE.search(text, sentence_start, p.start)
    if before is not None:
        return _number(text, before, "c")
    sign = text.index("%", p.end) + 1
    after = _COUNT_AFTER.match(text, sign)
    return _number(text, after, "c") if after is not None else None


def _total_for(text: str, count: Number, groups: list[Stated], sentence_end: int) -> Number | None:
    for group in groups:
        body = group.body
        if body and body[0] <= count.start < body[1] and group.value and group.value.value > count.value:
            return group.value
    before = [n for m in _TOTAL_WORD.finditer(text, 0, count.start) if (n := _number(text, m, "t"))]
    before = [t for t in before if t.value >= count.value]
    if before:
        return before[-1]
    after = [n for m in _TOTAL_WORD.finditer(text, count.end, sentence_end) if (n := _number(text, m, "t"))]
    return next((t for t in after if t.value >= count.value), None)


def _written(text: str, stated: Stated) -> str:
    """The words of the figure: the group with its parts, or the rate with its counts."""
    if stated.body is not None and stated.value is not None:
        start, end = stated.value.start, stated.body[1]
    else:
        shown = [n for n in (stated.percent, stated.value, stated.total) if n is not None]
        if stated.total is not None and stated.value is not None and stated.total.start < stated.value.start:
            shown.remove(stated.total)  # a share: the count and its rate, the total is elsewhere
        start, end = min(n.start for n in shown), max(n.end for n in shown)
    if stated.percent is not None and stated.percent.end == end:
        end = text.index("%", end) + 1
    words = text[start:end]
    if words.count("(") > words.count(")") and (close := text.find(")", end)) >= 0:
        words = text[start:close + 1]  # '97,88% (2634/2691 hồ sơ)': close what the figure opened
    return " ".join(words.split())
