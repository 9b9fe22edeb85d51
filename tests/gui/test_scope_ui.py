"""A clerk limited to some units: the status bar says which, the persons page lists only their
persons, and a refusal from another unit reads as a scope refusal, not a role refusal."""

from __future__ import annotations

from desktop_app.errors import PermissionDenied
from desktop_app.services.persons import PersonDraft
from desktop_app.ui.error_text import error_text
from tests.conftest import sign_in
from tests.factories import PASSPHRASE, id_number, organ_uscc

OTHER_UNIT = "广州市越秀区人力资源和社会保障局"


def test_a_scoped_clerk_sees_their_units_and_only_their_persons(qtbot, admin, open_window) -> None:
    admin.units.add(name=OTHER_UNIT, uscc=organ_uscc(2), division_code="440104")
    outsider = admin.persons.add(PersonDraft(name="王五", id_number=id_number(3), unit_name=OTHER_UNIT))
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    admin.users.set_scope("clerk1", ["广州市天河区人力资源和社会保障局"])
    clerk = sign_in(admin, "clerk1")
    try:
        window = open_window(clerk)
        page = window.persons_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # 张三 and 李四, not 王五
        text = window.status.user_label.text()
        assert text.startswith("用户：clerk1（") and "负责：广州市天河区人力资源和社会保障局" in text
        assert "广州市天河区人力资源和社会保障局" in window.status.user_label.toolTip()

        try:
            clerk.persons.show_by_id(outsider.id)
        except PermissionDenied as exc:
            assert error_text(exc) == "该人员或单位不在您负责的单位范围内。"
        else:
            raise AssertionError("a person of another unit was shown")
    finally:
        clerk.close()


def test_an_unscoped_user_sees_no_scope_in_the_status_bar(qtbot, admin, open_window) -> None:
    window = open_window(admin)
    assert "负责" not in window.status.user_label.text()
