"""Tables of the directory read model; the same statements run on SQLite and PostgreSQL."""

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS projection_position (
        name TEXT PRIMARY KEY,
        position BIGINT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS directory_agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        province_code TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS directory_units (
        agency_code TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        PRIMARY KEY (agency_code, code)
    )""",
    """CREATE TABLE IF NOT EXISTS directory_employees (
        id TEXT PRIMARY KEY,
        nip TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        rank TEXT NOT NULL,
        agency_code TEXT,
        unit_code TEXT,
        position_code TEXT,
        placed_since TEXT,
        active_case_id TEXT
    )""",
    """CREATE INDEX IF NOT EXISTS directory_employees_placement
        ON directory_employees (agency_code, unit_code, position_code, nip)""",
    """CREATE TABLE IF NOT EXISTS directory_cases (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        employee_id TEXT NOT NULL,
        nip TEXT NOT NULL,
        transfer_type TEXT NOT NULL,
        initiative TEXT NOT NULL,
        state TEXT NOT NULL,
        origin_agency TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        origin_position TEXT NOT NULL,
        destination_agency TEXT NOT NULL,
        destination_unit TEXT NOT NULL,
        destination_position TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS directory_cases_seq ON directory_cases (seq)",
    "CREATE INDEX IF NOT EXISTS directory_cases_state ON directory_cases (state, seq)",
    "CREATE INDEX IF NOT EXISTS directory_cases_nip ON directory_cases (nip, seq)",
    """CREATE INDEX IF NOT EXISTS directory_cases_origin
        ON directory_cases (origin_agency, origin_unit, origin_position)""",
    """CREATE INDEX IF NOT EXISTS directory_cases_destination
        ON directory_cases (destination_agency, destination_unit, destination_position)""",
)
