"""What a page shows, read through the package's GraphQL documents, executed against the API's
own schema with the signed-in person as the caller: exactly what an API request with their
token would read, with the same authorisation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from strawberry.schema.base import BaseSchema

from asn_graph.api.backend import Backend
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.context import Context
from asn_graph.api.errors import ErrorCode
from asn_graph.api.web.messages import language_of
from asn_graph.documents import package_documents
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Unavailable
from asn_graph.letters.letters import DecreeLetters

AGENCY_READERS = (Role.OFFICER, Role.APPROVER, Role.AUDITOR, Role.INTEGRATOR)
GAPS_SHOWN = 10


class PageDataRefused(Exception):
    """The API refused a page's read or a form's command: its error code and message, the
    input field it names (``BAD_INPUT``) and the rules it cites (``RULE_VIOLATION``), to show
    on the page, beside the field when there is one."""

    def __init__(
        self, code: str, message: str, field: str | None = None, rules: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.rules = tuple(rules)


class PageData:
    def __init__(
        self,
        schema: BaseSchema,
        service: Backend,
        blocking: BlockingPool,
        letters: DecreeLetters | None = None,
    ) -> None:
        self.schema = schema
        self.service = service
        self.blocking = blocking
        # A case's decree letter is read through them, as the API's requests do.
        self.letters = letters
        self.documents = package_documents()

    async def home(self, request: Request, actor: Actor) -> dict[str, Any]:
        """The home page's data by role: the largest staffing gaps of the agency an officer,
        approver or agency auditor works for."""
        if actor.role in AGENCY_READERS and actor.agency:
            variables = {"agencyCode": actor.agency, "kind": "DEFICIT", "first": GAPS_SHOWN}
            data = await self.run(request, actor, "StaffingGaps", variables)
            return {"gaps": data["staffingGaps"]}
        return {}

    async def run(
        self,
        request: Request,
        actor: Actor,
        name: str,
        variables: dict[str, Any],
        min_position: int | None = None,
        fresh: bool = False,
    ) -> dict[str, Any]:
        """Executes the package's document ``name`` (a query, or a form's mutation) as the
        person, in the page's language (a refusal's message, a finding's words): its data, or
        ``PageDataRefused``. The read models are to hold, before a query reads them,
        ``min_position`` (the log position a form's mutation returned: the page after the
        redirect shows what the form recorded), or with ``fresh`` every event recorded so far
        (the person sees what they just did)."""
        if fresh and min_position is None:
            min_position = await self.blocking.run(self.service.log_head)
        context = Context(
            service=self.service,
            blocking=self.blocking,
            request=request,
            actor=actor,
            min_position=min_position,
            letters=self.letters,
            language=language_of(request),
        )
        result = await self.schema.execute(
            self.documents[name],
            variable_values=variables,
            context_value=context,
            operation_name=name,
        )
        if result.errors:
            error = result.errors[0]
            extensions = error.extensions or {}
            code = extensions.get("code", ErrorCode.INTERNAL.value)
            if code == ErrorCode.UNAVAILABLE.value:
                # Not a refusal of the person's request: the page for outages answers.
                raise Unavailable(error.message)
            field = extensions.get("field")
            raise PageDataRefused(
                str(code),
                error.message,
                str(field) if field else None,
                [str(rule) for rule in extensions.get("rules", ())],
            )
        assert result.data is not None
        return result.data
