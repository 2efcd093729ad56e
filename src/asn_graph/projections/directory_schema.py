"""Tables of the directory read model; the same statements run on SQLite and PostgreSQL."""

from asn_graph.domain.case_state import CaseState

HOLDING_STATES = ", ".join(f"'{s.value}'" for s in CaseState if s.holds_employee)
"""The states of a move in flight, as an SQL list: such a case counts as incoming/outgoing."""

TABLES = (
    "directory_agencies",
    "directory_units",
    "directory_unit_tree",
    "directory_positions",
    "directory_employees",
    "directory_cases",
    "directory_case_stages",
)

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS directory_agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        province_code TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS directory_units (
        id TEXT NOT NULL UNIQUE,
        agency_code TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        parent_code TEXT,
        PRIMARY KEY (agency_code, code)
    )""",
    # Every (ancestor, unit) pair, the unit itself included: sub-unit filters and roll-ups
    # become one indexed join instead of a recursive walk.
    """CREATE TABLE IF NOT EXISTS directory_unit_tree (
        agency_code TEXT NOT NULL,
        ancestor_code TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        depth INTEGER NOT NULL,
        PRIMARY KEY (agency_code, ancestor_code, unit_code)
    )""",
    """CREATE TABLE IF NOT EXISTS directory_positions (
        agency_code TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        grade INTEGER NOT NULL,
        needed INTEGER,
        present INTEGER NOT NULL DEFAULT 0,
        incoming INTEGER NOT NULL DEFAULT 0,
        outgoing INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (agency_code, unit_code, code)
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
        decree_number TEXT,
        placement_case_id TEXT,
        active_case_id TEXT
    )""",
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
        opened_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        approved_steps INTEGER NOT NULL DEFAULT 0,
        pending_step TEXT,
        assignee_role TEXT,
        stage_entered_at TEXT NOT NULL,
        deadline TEXT,
        due_on TEXT,
        decree_number TEXT,
        plan_id TEXT,
        plan_move TEXT,
        closed_at TEXT
    )""",
    # Every stage (tahap) a case has been in, one row per stint: the register's days per
    # stage, closed cases included. The days are day numbers (date.toordinal) in the
    # agency's calendar, so that a stint's length is a subtraction on either database.
    """CREATE TABLE IF NOT EXISTS directory_case_stages (
        case_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        state TEXT NOT NULL,
        pending_step TEXT,
        entered_at TEXT NOT NULL,
        entered_day INTEGER NOT NULL,
        left_at TEXT,
        left_day INTEGER,
        PRIMARY KEY (case_id, seq)
    )""",
)

INDEXES = (
    """CREATE INDEX IF NOT EXISTS directory_employees_placement
        ON directory_employees (agency_code, unit_code, nip)""",
    """CREATE INDEX IF NOT EXISTS directory_employees_position
        ON directory_employees (agency_code, unit_code, position_code)""",
    "CREATE INDEX IF NOT EXISTS directory_cases_seq ON directory_cases (seq)",
    "CREATE INDEX IF NOT EXISTS directory_cases_state ON directory_cases (state, seq)",
    "CREATE INDEX IF NOT EXISTS directory_cases_nip ON directory_cases (nip, seq)",
    """CREATE INDEX IF NOT EXISTS directory_cases_stage
        ON directory_cases (stage_entered_at, seq)""",
    "CREATE INDEX IF NOT EXISTS directory_cases_due ON directory_cases (due_on)",
    "CREATE INDEX IF NOT EXISTS directory_cases_plan ON directory_cases (plan_id, seq)",
    "CREATE INDEX IF NOT EXISTS directory_cases_opened ON directory_cases (opened_on, seq)",
    """CREATE INDEX IF NOT EXISTS directory_cases_origin
        ON directory_cases (origin_agency, origin_unit, origin_position)""",
    """CREATE INDEX IF NOT EXISTS directory_cases_destination
        ON directory_cases (destination_agency, destination_unit, destination_position)""",
)
