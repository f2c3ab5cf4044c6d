"""OpenFisca (openfisca-core, vectorised numpy) on Liujiang's two exchange rules, the peer of
the project's polars path; written from the policy text, not from the engine.

    python benchmarks/openfisca_peer.py DIR    # whole process: DIR/<column>.npy in, counts out

Imports nothing of the project (nor polars): run as a script it is a fresh process that
imports OpenFisca, reads the same ``.npy`` columns as the project's side and prints, per rule,
how many rows are satisfied, violated and not applicable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

COLUMNS = ("eligible", "rotated", "backbone_rotated")


def system() -> Any:
    """A tax-benefit system with one entity (a year's exchange figures) and the two rules as
    formulas giving a status code: 0 satisfied, 1 violated, 2 not applicable."""
    from openfisca_core.entities import build_entity
    from openfisca_core.periods import DateUnit
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    area = build_entity(key="area", plural="areas", label="exchange figures", is_person=True)

    def count(name: str) -> type:
        return type(name, (Variable,), {"value_type": int, "entity": area,
                                        "definition_period": DateUnit.YEAR, "label": name})

    def min_share(a: Any, period: Any) -> Any:       # 三/(四)/3: at least 10% of eligible
        e, r = a("eligible", period), a("rotated", period)
        return np.where(e <= 0, 2, np.where(r * 10 >= e, 0, 1))

    def backbone_share(a: Any, period: Any) -> Any:  # backbone at least 12% of rotated
        r, b = a("rotated", period), a("backbone_rotated", period)
        return np.where(r <= 0, 2, np.where(b * 25 >= r * 3, 0, 1))

    def status(name: str, formula: Any) -> type:
        return type(name, (Variable,), {"value_type": int, "entity": area,
                                        "definition_period": DateUnit.YEAR, "label": name,
                                        "formula": formula})

    built = TaxBenefitSystem([area])
    for variable in (count("eligible"), count("rotated"), count("backbone_rotated"),
                     status("min_share", min_share), status("backbone_share", backbone_share)):
        built.add_variable(variable)
    return built


def run(built: Any, columns: dict[str, Any]) -> tuple[Any, Any]:
    """The two rules' status codes on the given columns (numpy arrays of one length)."""
    from openfisca_core.simulations import SimulationBuilder

    n = len(columns["eligible"])
    simulation = SimulationBuilder().build_default_simulation(built, count=n)
    for name, values in columns.items():
        simulation.set_input(name, "2019", values)
    return simulation.calculate("min_share", "2019"), simulation.calculate("backbone_share",
                                                                           "2019")


def counts(codes: Any) -> list[int]:
    """How many rows are satisfied, violated and not applicable."""
    return [int(v) for v in np.bincount(codes, minlength=3)[:3]]


def main(folder: str) -> None:
    columns = {name: np.load(Path(folder) / f"{name}.npy") for name in COLUMNS}
    min_share, backbone = run(system(), columns)
    print(json.dumps({"min_share": counts(min_share), "backbone_share": counts(backbone)}))


if __name__ == "__main__":
    main(sys.argv[1])
