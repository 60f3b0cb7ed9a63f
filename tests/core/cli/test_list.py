"""``actions list``: the installed destinations, as a table or one JSON object per line."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from actions_core.cli import main
from actions_core.definitions import Action, ActionData, Destination
from actions_core.plugins import Registry, hookimpl


async def perform(request: Any, data: ActionData) -> None:
    return None


def destination(key: str, name: str, slug: str, actions: list[str]) -> Destination:
    return Destination(
        key=key,
        name=name,
        slug=slug,
        actions=[Action(key=each, title=each, perform=perform) for each in actions],
    )


class Plugin:
    """A plugin object providing the destinations it is given."""

    def __init__(self, *destinations: Destination) -> None:
        self.destinations = list(destinations)

    @hookimpl
    def actions_destinations(self) -> list[Destination]:
        return self.destinations


def registry(*plugins: tuple[str, str, Plugin]) -> Registry:
    chosen = Registry()
    for name, package, plugin in plugins:
        chosen.register(plugin, name=name, package=package)
    return chosen


TWO_PLUGINS = (
    (
        "zeta",
        "zeta-actions 2.1.0",
        Plugin(destination("zeta", "Zeta CRM", "actions-zeta-crm", ["upsert"])),
    ),
    (
        "acme",
        "acme-actions 1.0",
        Plugin(
            destination("acme", "Acme Analytics (Actions)", "actions-acme", ["track", "identify"])
        ),
    ),
)


def test_lists_destinations_sorted_by_short_name_in_a_table() -> None:
    result = CliRunner().invoke(main, ["list"], obj=registry(*TWO_PLUGINS))
    assert result.exit_code == 0
    assert result.stdout == (
        "NAME  SLUG              TITLE                     ACTIONS  PACKAGE\n"
        "acme  actions-acme      Acme Analytics (Actions)  2        acme-actions 1.0\n"
        "zeta  actions-zeta-crm  Zeta CRM                  1        zeta-actions 2.1.0\n"
    )


def test_json_gives_one_object_per_destination_with_its_action_keys() -> None:
    result = CliRunner().invoke(main, ["list", "--json"], obj=registry(*TWO_PLUGINS))
    assert result.exit_code == 0
    assert result.stdout == (
        '{"name":"acme","slug":"actions-acme","title":"Acme Analytics (Actions)",'
        '"actions":["track","identify"],"package":"acme-actions 1.0"}\n'
        '{"name":"zeta","slug":"actions-zeta-crm","title":"Zeta CRM",'
        '"actions":["upsert"],"package":"zeta-actions 2.1.0"}\n'
    )


def test_says_so_when_nothing_is_installed() -> None:
    result = CliRunner().invoke(main, ["list"], obj=Registry())
    assert result.exit_code == 0
    assert result.stdout == "no destinations installed\n"


def test_two_plugins_claiming_one_name_exit_2_naming_both() -> None:
    twins = registry(
        (
            "acme",
            "acme-actions 1.0",
            Plugin(destination("acme", "Acme", "actions-acme", ["track"])),
        ),
        ("copy", "acme-fork 0.1", Plugin(destination("acme", "Acme", "actions-acme-2", ["track"]))),
    )
    result = CliRunner().invoke(main, ["list"], obj=twins)
    assert result.exit_code == 2
    # The registry names the two plugins in no fixed order.
    assert result.stderr == (
        'error: two plugins provide a destination named "acme": "acme" (acme-actions 1.0) and '
        '"copy" (acme-fork 0.1); uninstall one of them\n'
    )


def test_a_plugin_whose_hook_fails_exits_2_with_the_reason() -> None:
    class Broken:
        @hookimpl
        def actions_destinations(self) -> list[Destination]:
            raise ModuleNotFoundError("No module named 'acme.destination'")

    result = CliRunner().invoke(
        main, ["list"], obj=registry(("acme", "acme-actions 1.0", Broken())), catch_exceptions=False
    )
    assert result.exit_code == 2
    assert result.stderr == (
        'error: plugin "acme" (acme-actions 1.0) failed in actions_destinations(): '
        "ModuleNotFoundError: No module named 'acme.destination'\n"
    )
