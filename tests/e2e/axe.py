"""axe-core in the browser tests: installed from the npm registry by the project's own
package.json / package-lock.json (``npm ci --ignore-scripts``, run by ``make install`` and
``make test`` when npm exists), injected into the page under test.

The dashboard's Content-Security-Policy refuses any script it did not serve, so the contexts
that inject axe are opened with ``bypass_csp=True``: only here, never in the product.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> Path:
    if not AXE.exists():
        pytest.skip(
            f"axe-core is not installed ({AXE.relative_to(ROOT)} is missing): run "
            "`npm ci --ignore-scripts` (make install does it when npm exists); skipped"
        )
    return AXE


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The page's violations of WCAG 2.1 A and AA, each with its rule, impact and nodes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_source()))
    return page.evaluate(
        """async (tags) => {
            const result = await window.axe.run(document, {
                runOnly: { type: "tag", values: tags },
                resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({
                    target: n.target.join(" "),
                    summary: (n.failureSummary || "").split("\\n").slice(0, 3).join(" "),
                })),
            }));
        }""",
        TAGS,
    )


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:6]:
            lines.append(f"    {node['target']}  {node['summary']}")
        if len(violation["nodes"]) > 6:
            lines.append(f"    ... and {len(violation['nodes']) - 6} more")
    return "\n".join(lines)
