# %% mutant: semanas-empaqueta | cell: semanas | breaks: R1
# «Optimiza» el reparto: dentro de cada fase pone primero los módulos más largos.
def allocate_weeks(
    phases: list[list[tuple[str, int]]], weekly_minutes: int
) -> list[list[tuple[str, int]]]:
    """Reparte los módulos de cada fase en semanas de `weekly_minutes`."""
    weeks: list[list[tuple[str, int]]] = []
    for phase in phases:
        current: list[tuple[str, int]] = []
        used = 0
        for slug, minutes in sorted(phase, key=lambda item: -item[1]):
            left = minutes
            while left > 0:
                if used == weekly_minutes:
                    weeks.append(current)
                    current, used = [], 0
                part = min(left, weekly_minutes - used)
                current.append((slug, part))
                used += part
                left -= part
        if current:
            weeks.append(current)
    return weeks

# %% mutant: semanas-sin-partir | cell: semanas | breaks: R2
# No parte módulos: si no cabe, el módulo entero pasa a la semana siguiente.
def allocate_weeks(
    phases: list[list[tuple[str, int]]], weekly_minutes: int
) -> list[list[tuple[str, int]]]:
    """Reparte los módulos de cada fase en semanas de `weekly_minutes`."""
    weeks: list[list[tuple[str, int]]] = []
    for phase in phases:
        current: list[tuple[str, int]] = []
        used = 0
        for slug, minutes in phase:
            if used + minutes > weekly_minutes and current:
                weeks.append(current)
                current, used = [], 0
            current.append((slug, minutes))
            used += minutes
        if current:
            weeks.append(current)
    return weeks

# %% mutant: semanas-un-solo-corte | cell: semanas | breaks: R2
# Parte un módulo una sola vez: el resto va entero a la semana siguiente, quepa o no.
def allocate_weeks(
    phases: list[list[tuple[str, int]]], weekly_minutes: int
) -> list[list[tuple[str, int]]]:
    """Reparte los módulos de cada fase en semanas de `weekly_minutes`."""
    weeks: list[list[tuple[str, int]]] = []
    for phase in phases:
        current: list[tuple[str, int]] = []
        used = 0
        for slug, minutes in phase:
            part = min(minutes, weekly_minutes - used)
            if part:
                current.append((slug, part))
                used += part
            if part < minutes:
                weeks.append(current)
                current, used = [(slug, minutes - part)], minutes - part
        if current:
            weeks.append(current)
    return weeks

# %% mutant: semanas-sin-fases | cell: semanas | breaks: R3
# Aplana las fases: la siguiente fase aprovecha lo que sobra de la última semana.
def allocate_weeks(
    phases: list[list[tuple[str, int]]], weekly_minutes: int
) -> list[list[tuple[str, int]]]:
    """Reparte los módulos de cada fase en semanas de `weekly_minutes`."""
    weeks: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    used = 0
    for phase in phases:
        for slug, minutes in phase:
            left = minutes
            while left > 0:
                if used == weekly_minutes:
                    weeks.append(current)
                    current, used = [], 0
                part = min(left, weekly_minutes - used)
                current.append((slug, part))
                used += part
                left -= part
    if current:
        weeks.append(current)
    return weeks

# %% mutant: calendario-semana-cero | cell: calendario | breaks: R1
# Numera las semanas desde 0 y las fechas desde la semana 0 (una semana antes).
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-medianoche | cell: calendario | breaks: R1
# Usa un datetime a medianoche en vez de una fecha de día completo.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        midnight = dt.datetime(start.year, start.month, start.day)
        event.add("dtstart", midnight)
        event.add("dtend", midnight + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-sin-dtstamp | cell: calendario | breaks: R1
# Olvida DTSTAMP, obligatorio en el RFC 5545.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-uid-aleatorio | cell: calendario | breaks: R2
# Genera el UID con uuid4: cada exportación crea eventos nuevos.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        import uuid

        event.add("uid", f"{uuid.uuid4()}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-uid-con-fecha | cell: calendario | breaks: R2
# Pone la fecha en el UID: mover el inicio duplica los eventos.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"{start:%Y%m%d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-acepta-datetime | cell: calendario | breaks: R3
# Solo comprueba que sea lunes: un datetime (subclase de date) pasa.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    if first_monday.weekday() != 0:
        days = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
        raise ValueError(
            f"first_monday debe ser lunes; {first_monday} es {days[first_monday.weekday()]}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar

# %% mutant: calendario-cualquier-dia | cell: calendario | breaks: R3
# No comprueba que el inicio sea lunes.
def week_calendar(weeks: list[list[tuple[str, int]]], first_monday: dt.date) -> icalendar.Calendar:
    """El plan como calendario iCalendar: un evento de día completo por semana."""
    if isinstance(first_monday, dt.datetime) or not isinstance(first_monday, dt.date):
        raise TypeError(
            f"first_monday debe ser una fecha (datetime.date) sin hora, no {type(first_monday).__name__}."
        )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Guia MLOps v5.0//Plan de estudios//ES")
    calendar.add("version", "2.0")
    stamp = dt.datetime(first_monday.year, first_monday.month, first_monday.day, tzinfo=dt.UTC)
    for number, week in enumerate(weeks, start=1):
        start = first_monday + dt.timedelta(weeks=number - 1)
        event = icalendar.Event()
        event.add("uid", f"semana-{number:02d}@plan-estudios.guia-mlops")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=7))
        event.add("summary", f"Semana {number}: " + ", ".join(dict.fromkeys(s for s, _ in week)))
        event.add("description", "\n".join(f"{slug}: {minutes} min" for slug, minutes in week))
        calendar.add_component(event)
    return calendar
