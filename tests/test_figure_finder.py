"""The figure finder on sentences in the many ways Vietnamese reports state figures.

Each case is one sentence and every figure it must yield, as compact tuples:
``("rate", percent, count, total)`` (count and total None when the text gives none) and
``("sum", total, [parts])``. Then whether each figure adds up. The sentences are written
for this test in the styles of commune reports; none is copied into the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.analysis.figures import percent_agrees
from generator.analysis.finder import Stated, find

OK, WRONG, ALONE = "khớp", "lệch", "chỉ nêu"

CASES: list[tuple[str, list[tuple[object, ...]], list[str]]] = [
    # --- a rate and its fraction, either order, any connecting word -----------------------
    ("Tỷ lệ hồ sơ đúng hạn đạt 97,5% (1.170/1.200 hồ sơ).",
     [("rate", "97,5", "1.170", "1.200")], [OK]),
    ("Giải quyết đúng hạn 1.170/1.200 hồ sơ, đạt 97,5%.",
     [("rate", "97,5", "1.170", "1.200")], [OK]),
    ("Đã giải quyết đúng hạn 1.180 hồ sơ trên tổng số 1.250 hồ sơ, đạt tỷ lệ 95,2%.",
     [("rate", "95,2", "1.180", "1.250")], [WRONG]),
    ("Giải quyết đúng hạn 1.190 trên tổng số 1.250 hồ sơ, đạt tỷ lệ 95,2%.",
     [("rate", "95,2", "1.190", "1.250")], [OK]),
    ("Có 846 hồ sơ trong tổng số 900 hồ sơ được số hóa (94%).",
     [("rate", "94", "846", "900")], [OK]),
    ("Thu ngân sách 8.250.000.000 đồng/7.500.000.000 đồng, đạt 110% dự toán.",
     [("rate", "110", "8.250.000.000", "7.500.000.000")], [OK]),
    ("Thu ngân sách 8,25 tỷ đồng/7,5 tỷ đồng, bằng 110% dự toán.",
     [("rate", "110", "8,25", "7,5")], [OK]),
    # The currency glued to the number, as clerks type it (a held-out 2025 commune report).
    ("Thu ngân sách ước đạt 3.250.000.000đ/3.000.000.000đ, đạt 108,33% dự toán.",
     [("rate", "108,33", "3.250.000.000", "3.000.000.000")], [OK]),
    ("Chi đầu tư 1.200.000.000đồng/1.500.000.000đồng, đạt 85%.",
     [("rate", "85", "1.200.000.000", "1.500.000.000")], [WRONG]),
    ("Chi thường xuyên 4.120 triệu đồng/4,3 tỷ đồng, đạt 95,8%.",
     [("rate", "95,8", "4.120", "4,3")], [OK]),
    ("Tỷ lệ văn bản ký số 98,2% (1.473/1.500 văn bản), ký số cá nhân 90,1% (1.327/1.473 văn bản).",
     [("rate", "98,2", "1.473", "1.500"), ("rate", "90,1", "1.327", "1.473")], [OK, OK]),
    ("Tỷ lệ văn bản ký số 98,5% (1.473/1.500 văn bản), ký số cá nhân 91% (1.327/1.473 văn bản).",
     [("rate", "98,5", "1.473", "1.500"), ("rate", "91", "1.327", "1.473")], [WRONG, WRONG]),
    ("Số hộ nghèo giảm còn 12/2.143 hộ, chiếm 0,56%.",
     [("rate", "0,56", "12", "2.143")], [OK]),
    ("Kết quả: 45/50 chỉ tiêu đạt và vượt, tỷ lệ 90%.",
     [("rate", "90", "45", "50")], [OK]),
    ("Kết quả: 45/50 chỉ tiêu đạt và vượt, tỷ lệ 92%.",
     [("rate", "92", "45", "50")], [WRONG]),
    # --- a count with its rate, the total given elsewhere in the sentence or paragraph ------
    ("Tổng số hồ sơ tiếp nhận 1.250 hồ sơ; có 860 hồ sơ nộp trực tuyến (68,8%).",
     [("rate", "68,8", "860", "1.250")], [OK]),
    ("Tổng số hồ sơ tiếp nhận 1.250 hồ sơ; có 860 hồ sơ nộp trực tuyến (70,2%).",
     [("rate", "70,2", "860", "1.250")], [WRONG]),
    ("Tiếp nhận 640 hồ sơ (trong đó trực tuyến 512 hồ sơ (tỷ lệ 80%), trực tiếp 128 hồ sơ).",
     [("sum", "640", ["512", "128"]), ("rate", "80", "512", "640")], [OK, OK]),
    ("Tiếp nhận 640 hồ sơ (trong đó trực tuyến 500 hồ sơ (tỷ lệ 80%), trực tiếp 128 hồ sơ).",
     [("sum", "640", ["500", "128"]), ("rate", "80", "500", "640")], [WRONG, WRONG]),
    ("Tổng số 350 hộ, trong đó 315 hộ đạt gia đình văn hóa, chiếm 90%.",
     [("rate", "90", "315", "350")], [OK]),
    ("Tổng cộng 350 hộ; đạt danh hiệu gia đình văn hóa 300 hộ, chiếm 85,7%.",
     [("rate", "85,7", "300", "350")], [OK]),
    ("Đạt 100% (120 hồ sơ) trên tổng số 120 hồ sơ tiếp nhận.",
     [("rate", "100", "120", "120")], [OK]),
    # --- a total and its parts ------------------------------------------------------------
    ("Tổng số hồ sơ tiếp nhận là 1.250 hồ sơ, gồm 1.100 hồ sơ trực tuyến và 140 hồ sơ trực tiếp.",
     [("sum", "1.250", ["1.100", "140"])], [WRONG]),
    ("Tổng số hồ sơ tiếp nhận là 1.250 hồ sơ, gồm 1.100 hồ sơ trực tuyến và 150 hồ sơ trực tiếp.",
     [("sum", "1.250", ["1.100", "150"])], [OK]),
    ("Trợ cấp cho 87 đối tượng (gồm 52 đối tượng bảo trợ xã hội, 35 người có công).",
     [("sum", "87", ["52", "35"])], [OK]),
    ("Tiếp nhận 215 đơn thư, trong đó: 120 đơn kiến nghị, 60 đơn phản ánh, 35 đơn khiếu nại.",
     [("sum", "215", ["120", "60", "35"])], [OK]),
    ("Tiếp nhận 215 đơn thư, trong đó: 120 đơn kiến nghị, 60 đơn phản ánh, 30 đơn khiếu nại.",
     [("sum", "215", ["120", "60", "30"])], [WRONG]),
    ("Tổ chức 12 lớp tập huấn (bao gồm 7 lớp cho cán bộ và 5 lớp cho người dân).",
     [("sum", "12", ["7", "5"])], [OK]),
    ("Đã cấp 96 giấy chứng nhận trực tuyến và 24 giấy chứng nhận trực tiếp, tổng cộng 120 giấy chứng nhận.",
     [("sum", "120", ["96", "24"])], [OK]),
    ("Đã cấp 96 giấy chứng nhận trực tuyến và 24 giấy chứng nhận trực tiếp, tổng cộng 130 giấy chứng nhận.",
     [("sum", "130", ["96", "24"])], [WRONG]),
    ("Số lượt truy cập: 1.205 + 3.410 = 4.615 lượt.",
     [("sum", "4.615", ["1.205", "3.410"])], [OK]),
    # --- not checked: subsets that may overlap, rates alone, one part ---------------------
    ("Đảng bộ có 80 đảng viên, trong đó 45 nữ, 60 đảng viên trẻ.", [], []),
    ("Ban hành 1.121 văn bản, trong đó 1.051 văn bản được ký số.", [], []),
    ("Tỷ lệ số hóa hồ sơ đạt 100%.", [("rate", "100", None, None)], [ALONE]),
    ("Tỷ lệ hài lòng của người dân tăng 5,2% so với năm 2023.", [("rate", "5,2", None, None)], [ALONE]),
    ("Đạt từ 95% đến 100% kế hoạch.", [("rate", "95", None, None), ("rate", "100", None, None)], [ALONE, ALONE]),
    # --- never figures: dates, document numbers, years, references ------------------------
    ("Thực hiện Kế hoạch số 124/KH-UBND ngày 26/02/2024 của UBND phường.", [], []),
    ("Trong kỳ (15/12/2023-10/11/2024), căn cứ Nghị định 13/2018/NĐ-CP.", [], []),
    ("Năm 2024 phường đã hoàn thành nhiệm vụ 3 và mục 2 của kế hoạch.", [], []),
    ("Đến ngày 30/6/2024, tỷ lệ thu thuế đạt 62%.", [("rate", "62", None, None)], [ALONE]),
    # --- the 2024 report's own wording ----------------------------------------------------
    ("Đã tiếp nhận và giải quyết 2.948 hồ sơ (trong đó tiếp nhận trực tuyến 2926 (tỷ lệ 99,3%), tồn kỳ trước "
     "01 hồ sơ, tiếp nhận trực tiếp và bưu chính công ích 21 hồ sơ); gồm 35 TTHC.",
     [("sum", "2.948", ["2926", "01", "21"]), ("rate", "99,3", "2926", "2.948")], [OK, OK]),
    ("Tỷ lệ hồ sơ thanh toán trực tuyến 97,88% (2634/2691 hồ sơ).", [("rate", "97,88", "2634", "2691")], [OK]),
    ("Thu NSNN 305.000.000 đồng/ 276.500.000 đồng , đạt 110,3% so với dự toán.",
     [("rate", "110,3", "305.000.000", "276.500.000")], [OK]),
    ("Chi trả trợ cấp cho 121 cá nhân (trong đó 93 BTXH; 28 NCC).", [("sum", "121", ["93", "28"])], [OK]),
    # --- several sentences in one paragraph ------------------------------------------------
    ("Tiếp nhận 500 hồ sơ. Trong đó trực tuyến 450 hồ sơ, đạt 90%.", [("rate", "90", "450", None)], [ALONE]),
    ("Tổng số 500 hồ sơ. Có 450 hồ sơ trực tuyến, chiếm 90%.", [("rate", "90", "450", "500")], [OK]),
    ("Tổng số 500 hồ sơ; có 450 hồ sơ trực tuyến, chiếm 90%; 45 hồ sơ trực tiếp, chiếm 9%.",
     [("rate", "90", "450", "500"), ("rate", "9", "45", "500")], [OK, OK]),
]


def _compact(stated: Stated) -> tuple[object, ...]:
    def w(number):  # noqa: ANN001, ANN202 - tiny local helper
        return number.written if number is not None else None

    if stated.parts:
        return ("sum", w(stated.value), [p.written for p in stated.parts])
    return ("rate", w(stated.percent), w(stated.value), w(stated.total))


def _state(stated: Stated) -> str:
    if stated.parts:
        assert stated.value is not None
        return OK if sum((p.value for p in stated.parts), Decimal(0)) == stated.value.value else WRONG
    assert stated.percent is not None
    if stated.value is None or stated.total is None:
        return ALONE
    return OK if percent_agrees(stated.percent.value, stated.value.value / stated.total.value * 100) else WRONG


def test_the_corpus_has_forty_sentences_or_more() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("sentence", "expected", "states"), CASES, ids=[c[0][:50] for c in CASES])
def test_finder_pairs_each_figure(sentence: str, expected: list[tuple[object, ...]], states: list[str]) -> None:
    found = find(sentence)
    assert [_compact(s) for s in found] == expected
    assert [_state(s) for s in found] == states
    for stated in found:
        assert stated.written and stated.written in " ".join(sentence.split())
