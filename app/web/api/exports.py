"""Exports of any claims query: CSV and JSON, and the actor-issue and agreement networks as GraphML or GEXF."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from app.store import exports
from app.web.auth import error_responses
from app.web.deps import SessionDep, StreamSessionDep
from app.web.viewstate import ViewDep

router = APIRouter(prefix="/api/v1/exports", tags=["exports"])

_ERRORS = error_responses(400, 401)


def _filename(stem: str, view) -> str:
    start, end = view.filter.window()
    span = f"_{start or 'start'}_{end or 'today'}" if start or end else ""
    return f"posture-{stem}{span}"


@router.get(
    "/claims.csv",
    summary="Claims of any query as CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per claim"}, **_ERRORS},
)
def claims_csv(view: ViewDep, session: StreamSessionDep) -> StreamingResponse:
    """Download the claims a filter selects as CSV (UTF-8, a header row; formula-like cells quoted)."""
    name = _filename("claims", view)
    return StreamingResponse(
        exports.iter_claims_csv(session, view.filter),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get(
    "/claims.json",
    summary="Claims of any query as JSON",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/json": {}}, "description": "The filter and the claims"}, **_ERRORS},
)
def claims_json(view: ViewDep, session: StreamSessionDep) -> StreamingResponse:
    """Download the claims a filter selects as one JSON document."""
    name = _filename("claims", view)
    return StreamingResponse(
        exports.iter_claims_json(session, view.filter),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}.json"'},
    )


NetworkKind = Annotated[
    Literal["actor-issue", "agreement"],
    Query(description="actor-issue: two-mode network with stances; agreement: actor-actor agreement and conflict"),
]


@router.get(
    "/network.graphml",
    summary="Actor-issue or agreement network as GraphML",
    responses={200: {"content": {"application/graphml+xml": {}}, "description": "A GraphML file"}, **_ERRORS},
)
def network_graphml(view: ViewDep, session: SessionDep, kind: NetworkKind = "actor-issue") -> Response:
    """Download a network of the claims a filter selects, as GraphML (Gephi, networkx, igraph, visone)."""
    net = exports.build_network(session, view.filter, kind=kind)
    return Response(
        exports.to_graphml(net, description=view.describe()),
        media_type="application/graphml+xml",
        headers={"Content-Disposition": f'attachment; filename="{_filename(kind, view)}.graphml"'},
    )


@router.get(
    "/network.gexf",
    summary="Actor-issue or agreement network as GEXF",
    responses={200: {"content": {"application/gexf+xml": {}}, "description": "A GEXF 1.2 file"}, **_ERRORS},
)
def network_gexf(view: ViewDep, session: SessionDep, kind: NetworkKind = "actor-issue") -> Response:
    """Download a network of the claims a filter selects, as GEXF (Gephi)."""
    net = exports.build_network(session, view.filter, kind=kind)
    return Response(
        exports.to_gexf(net, description=view.describe()),
        media_type="application/gexf+xml",
        headers={"Content-Disposition": f'attachment; filename="{_filename(kind, view)}.gexf"'},
    )
