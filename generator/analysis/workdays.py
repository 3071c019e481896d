"""Working days in Vietnam: weekends, public holidays and Tết, and the yearly days off.

Public holidays, Tết and the make-up working days already decided come from the
``holidays`` library (country VN, pinned). The days off and make-up days the government
announces each year, which a library may not know yet, are added by the clerk in
``content/disclosure/ngay-nghi.yaml``; they win over the library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version

import holidays

from ..schema.disclosure.item import DaysOff
from ..util.vn import parse_vn_date

COUNTRY = "VN"
# Said on the public status page: no file names there.
SOURCE = (f"ngày nghỉ lễ, Tết (theo thư viện holidays {version('holidays')}, quốc gia {COUNTRY}), tính cả ngày "
          "làm bù, và các ngày nghỉ, ngày làm bù hằng năm do Chính phủ thông báo mà đơn vị đã ghi nhận")


@lru_cache(maxsize=64)
def _year(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(COUNTRY, years=year)


@dataclass(frozen=True)
class Calendar:
    """Which days are working days; ``days_off`` and ``working`` are the clerk's additions."""

    days_off: frozenset[dt.date] = field(default_factory=frozenset)
    working: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days: DaysOff | None) -> Calendar:
        if days is None:
            return cls()
        return cls(frozenset(parse_vn_date(d.date) for d in days.days_off),
                   frozenset(parse_vn_date(d.date) for d in days.working_days))

    def is_working(self, day: dt.date) -> bool:
        if day in self.working:
            return True
        if day in self.days_off:
            return False
        return bool(_year(day.year).is_working_day(day))

    def holiday_name(self, day: dt.date) -> str | None:
        """The library's name of a public holiday, for messages."""
        name = _year(day.year).get(day)
        return str(name) if name else None

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not later).

        An item issued on Friday 24/01/2025 and published on Wednesday 05/02/2025 counts
        3 (Tết 2025 runs from 27/01 to 01/02): Monday 03, Tuesday 04 and Wednesday 05.
        """
        days, current = 0, start
        while current < end:
            current += dt.timedelta(days=1)
            days += self.is_working(current)
        return days

    def add(self, start: dt.date, working_days: int) -> dt.date:
        """The day on which ``working_days`` working days after ``start`` have passed: the last day allowed."""
        current, left = start, working_days
        while left > 0:
            current += dt.timedelta(days=1)
            left -= self.is_working(current)
        return current
