"""The parts of an NĐ 30/2020 report before its appendix table, in reading order.

Header (cơ quan chủ quản and cơ quan ban hành, :mod:`.docheader`) -> Số / place and date ->
doc type -> title -> intro, numbered sections, closing ('Trên đây …') -> Nơi nhận ->
signature -> PHỤ LỤC title and note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..util.inline import plain
from ..util.text import fold
from .citations import CITATION, slashed
from .docheader import NUMBER as _NUMBER
from .docheader import PLACE_DATE as _PLACE_DATE
from .docheader import SIGN_AUTHORITY as _SIGN_AUTHORITY
from .docheader import header_part, is_mark, read_header
from .docheader import line_text as _line
from .source import Para, Problems

_HEADING = re.compile(r"(?:\d+|[IVXLC]+)\.\s+\S.*")
_BULLET = re.compile(r"^[-+•–]\s*")


def _key(para: Para) -> str:
    return " ".join(fold(_line(para.text)).lower().split())


def _find(paras: list[Para], start: int, test: Callable[[Para], object]) -> int | None:
    return next((i for i in range(start, len(paras)) if test(paras[i])), None)


def _dated(para: Para) -> object:
    return _PLACE_DATE.fullmatch(_line(para.text))


def read_parts(paras: list[Para], problems: Problems) -> dict[str, Any]:
    """Report fields (not yet validated) from the paragraphs before the appendix table."""
    paras = [p for p in paras if not re.fullmatch(r"[-_=.*\s]*", plain(p.text))]
    fields: dict[str, Any] = {}
    at = _find(paras, 0, lambda p: _NUMBER.match(plain(p.text)))
    if at is None:
        problems.add("đầu văn bản", "không thấy dòng số, ký hiệu",
                     expected="dòng 'Số: 12/BC-UBND' (số có thể để trống)")
        return fields
    number = _NUMBER.match(plain(paras[at].text))
    assert number is not None  # _find stopped on a line that matches
    fields["number"] = int(number["n"]) if number["n"] else None
    fields["symbol"] = number["symbol"]
    header = read_header([p.text for p in paras[:at]])
    if any(header.values()):
        fields["header"] = header
    # The date is under the number, or (paragraphs typed one after the other) before it.
    at_date = _find(paras, at + 1, _dated)
    if at_date is None:
        at_date = _find(paras[:at], 0, _dated)
    if at_date is None:
        problems.add("đầu văn bản", "không thấy dòng địa danh, ngày tháng năm", line=paras[at].line,
                     expected="dòng 'Phường 4, ngày 26 tháng 02 năm 2025' (ngày, tháng có thể để trống)")
        return fields
    place = _PLACE_DATE.fullmatch(_line(paras[at_date].text))
    assert place is not None
    fields.update(place=place["place"].strip(), year=int(place["y"]),
                  date=f"{place['d']}/{place['m']}/{place['y']}" if place["d"] and place["m"] else None)
    at_type = _find(paras, max(at, at_date) + 1,
                    lambda p: _line(p.text).isupper() and header_part(p.text) is None and not is_mark(p.text))
    if at_type is None or at_type + 1 >= len(paras):
        problems.add("đầu văn bản", "không thấy tên loại văn bản và trích yếu", line=paras[at_date].line,
                     expected="một dòng chữ in hoa như 'BÁO CÁO', dòng sau là tên báo cáo")
        return fields
    fields["doc_type"] = _line(paras[at_type].text)
    title, at_body = _line(paras[at_type + 1].text), at_type + 2
    while at_body < len(paras) and _line(paras[at_body].text)[:1].islower():
        title, at_body = f"{title} {_line(paras[at_body].text)}", at_body + 1  # title broken by Shift+Enter
    fields["title"] = title
    at_recipients = _find(paras, at_body, lambda p: _key(p).startswith("noi nhan"))
    body_end = at_recipients if at_recipients is not None else len(paras)
    fields.update(_body(paras[at_body:body_end]))
    if at_recipients is None:
        problems.add("cuối văn bản", "không thấy 'Nơi nhận:'", expected="mục 'Nơi nhận:' với mỗi nơi một dòng '- …'")
        return fields
    fields.update(_closing_block(paras[at_recipients + 1:], problems, paras[at_recipients].line))
    return fields


def _body(paras: list[Para]) -> dict[str, Any]:
    intro: list[str] = []
    sections: list[dict[str, Any]] = []
    closing: list[str] = []
    for para in paras:
        text = para.text
        if closing or _key(para).startswith("tren day"):
            closing.append(text)
        elif _HEADING.fullmatch(plain(text)):
            sections.append({"heading": _line(text), "paragraphs": []})
        elif sections:
            sections[-1]["paragraphs"].append(text)
        else:
            intro.append(text)
    basis = []
    seen: set[tuple[str, str, str]] = set()
    for match in CITATION.finditer(" ".join(plain(t) for t in intro)):
        key = (match["type"], match["number"], match["date"])
        if key not in seen:
            seen.add(key)
            basis.append({"doc_type": key[0], "number": key[1], "date": slashed(key[2])})
    return {"basis": basis, "intro": intro, "sections": sections, "closing": closing}


def _closing_block(paras: list[Para], problems: Problems, line: int | None) -> dict[str, Any]:
    recipients = []
    at = 0
    while at < len(paras) and _BULLET.match(plain(paras[at].text)):
        recipients.append(_BULLET.sub("", _line(paras[at].text)))
        at += 1
    end = _find(paras, at, lambda p: _key(p).startswith("phu luc"))
    signer = [_line(p.text) for p in paras[at:end]]
    authority = next((i for i, text in enumerate(signer) if _SIGN_AUTHORITY.fullmatch(text)), None)
    fields: dict[str, Any] = {"recipients": recipients}
    if authority is None or authority + 2 >= len(signer):
        problems.add("khối chữ ký", "không thấy thẩm quyền ký, chức vụ và họ tên người ký", line=line,
                     found=" / ".join(signer) or None,
                     expected="ba dòng sau Nơi nhận: 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', họ và tên")
    else:
        fields["signature"] = {"on_behalf": signer[authority], "position": signer[authority + 1],
                               "name": signer[-1]}
    if end is not None:
        title = [_line(p.text) for p in paras[end + 1:] if not _line(p.text).startswith("(")]
        note = next((_line(p.text) for p in paras[end + 1:] if _line(p.text).startswith("(")), None)
        fields["appendix"] = {"title": " ".join(title) or _line(paras[end].text), "note": note}
    return fields
