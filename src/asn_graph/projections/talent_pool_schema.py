"""Tables of the talent pool read model; the same statements run on SQLite and PostgreSQL.

``seq`` on employees and positions is the log position of the last event that changed the
row (for a position: its requirements or the counts the directory keeps of it), so that the
candidate index reads only what changed since it last looked.
"""

TABLES = (
    "talent_agencies",
    "talent_moratoria",
    "talent_units",
    "talent_positions",
    "talent_employees",
    "talent_competencies",
    "talent_cases",
)

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS talent_agencies (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS talent_moratoria (
        seq BIGINT PRIMARY KEY,
        agency_code TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        basis TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS talent_units (
        id TEXT PRIMARY KEY,
        agency_code TEXT NOT NULL,
        code TEXT NOT NULL
    )""",
    # What a position asks of the person holding it; the staff it needs and has are the
    # directory's (directory_positions), read beside these rows.
    """CREATE TABLE IF NOT EXISTS talent_positions (
        agency_code TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        code TEXT NOT NULL,
        seq BIGINT NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        grade INTEGER NOT NULL,
        education_level TEXT,
        education_field TEXT,
        competencies TEXT NOT NULL,
        PRIMARY KEY (agency_code, unit_code, code)
    )""",
    # Values with several entries (competencies, ratings and potentials by year, blockers,
    # preferences) are JSON text: the index reads them whole, queries filter on the
    # columns and on talent_competencies.
    """CREATE TABLE IF NOT EXISTS talent_employees (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        nip TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        rank TEXT NOT NULL,
        appointed_on TEXT NOT NULL,
        agency_code TEXT,
        unit_code TEXT,
        position_code TEXT,
        placed_since TEXT,
        education_level TEXT NOT NULL,
        education_rank INTEGER NOT NULL,
        education_field TEXT NOT NULL,
        education_family TEXT,
        competencies TEXT NOT NULL,
        ratings TEXT NOT NULL,
        potentials TEXT NOT NULL,
        blockers TEXT NOT NULL,
        active_case_id TEXT,
        request_case_id TEXT,
        request_agency TEXT,
        request_unit TEXT,
        request_position TEXT,
        preferences TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS talent_competencies (
        employee_id TEXT NOT NULL,
        code TEXT NOT NULL,
        level INTEGER NOT NULL,
        PRIMARY KEY (employee_id, code)
    )""",
    """CREATE TABLE IF NOT EXISTS talent_cases (
        id TEXT PRIMARY KEY,
        employee_id TEXT NOT NULL,
        holding INTEGER NOT NULL,
        origin_agency TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        origin_position TEXT NOT NULL,
        destination_agency TEXT NOT NULL,
        destination_unit TEXT NOT NULL,
        destination_position TEXT NOT NULL
    )""",
)

INDEXES = (
    "CREATE INDEX IF NOT EXISTS talent_employees_seq ON talent_employees (seq)",
    "CREATE INDEX IF NOT EXISTS talent_positions_seq ON talent_positions (seq)",
    """CREATE INDEX IF NOT EXISTS talent_employees_education
        ON talent_employees (education_family, education_rank)""",
    """CREATE INDEX IF NOT EXISTS talent_competencies_code
        ON talent_competencies (code, level, employee_id)""",
)
