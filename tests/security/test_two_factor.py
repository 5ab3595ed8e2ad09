"""#12 item 4: two-factor sign-in (TOTP and recovery codes), for any user, and the owner's switch
that requires it for the whole agency."""

from __future__ import annotations

import json
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import login_throttle, two_factor
from accounts.models import Activity, Role
from crm.models import Client
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN, VERIFY, SETUP = (
    "/accounts/login/",
    "/accounts/two-factor/verify/",
    "/accounts/two-factor/setup/",
)
SECURITY = "/accounts/security/"


def code_for(device: TOTPDevice) -> str:
    """The authenticator's code now (or for the next step, if now's was already used)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time = device.t0 + (device.last_t + 1) * device.step
    return f"{totp.token():0{device.digits}d}"


def turn_on(user) -> tuple[TOTPDevice, list[str]]:
    device = two_factor.setup_start(user=user)
    return two_factor.setup_confirm(user=user, code=code_for(device))


@pytest.fixture
def alice_2fa(alice):
    device, codes = turn_on(alice)
    return device, codes


def sign_in_password(client, identifier="alice", next_url=""):
    data = {"username": identifier, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def events(name):
    return list(Activity.objects.filter(event=name))


# The sign-in ---------------------------------------------------------------------------------


def test_the_password_alone_does_not_sign_in_a_user_with_two_factor(client, alice_2fa):
    response = sign_in_password(client)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert SESSION_KEY not in client.session
    assert client.get("/clients/")["Location"].startswith(LOGIN)
    assert events("user.signed_in") == []


def test_the_right_code_signs_in_and_goes_to_next(client, alice_2fa):
    device, _ = alice_2fa
    response = sign_in_password(client, next_url="/clients/")
    assert response["Location"] == VERIFY + "?next=%2Fclients%2F"

    response = client.post(VERIFY, {"code": code_for(device), "next": "/clients/"})

    assert response.status_code == 302 and response["Location"] == "/clients/"
    assert client.get("/clients/").status_code == 200
    assert len(events("user.signed_in")) == 1


def test_next_pointing_elsewhere_after_the_code_goes_home(client, alice_2fa):
    device, _ = alice_2fa
    sign_in_password(client)

    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_a_wrong_code_does_not_sign_in(client, alice_2fa):
    sign_in_password(client)

    response = client.post(VERIFY, {"code": "000000"})

    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert SESSION_KEY not in client.session
    [failed] = events("user.two_factor_failed")
    assert failed.object_id == alice_2fa[0].user_id


def test_wrong_codes_from_someone_else_do_not_lock_the_owner_of_the_app_out(client, alice_2fa):
    """Someone who knows the password types wrong codes: within the throttle's budget the real
    code still works at once (django-otp's uncapped per-device back-off is off)."""
    device, _ = alice_2fa
    sign_in_password(client)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_a_recovery_code_signs_in_once(client, alice_2fa):
    _, codes = alice_2fa
    sign_in_password(client)
    response = client.post(VERIFY, {"code": codes[0].upper()[:4] + " " + codes[0][4:]})
    assert response.status_code == 302
    assert client.get("/clients/").status_code == 200
    assert StaticToken.objects.filter(token=codes[0]).count() == 0
    assert len(events("user.recovery_code_used")) == 1

    client.post("/accounts/logout/")
    sign_in_password(client)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200 and SESSION_KEY not in client.session


def test_wrong_codes_count_against_the_sign_in_throttle(client, alice_2fa, settings):
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 3
    device, _ = alice_2fa
    sign_in_password(client)
    for _ in range(3):
        client.post(VERIFY, {"code": "123456"})

    response = client.post(VERIFY, {"code": code_for(device)})

    assert "Too many wrong attempts" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert login_throttle.is_locked_out("alice", alice_2fa[0].user, None)


def test_a_correct_password_does_not_buy_more_guesses_at_the_code(client, alice_2fa, settings):
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 3
    device, _ = alice_2fa
    for _ in range(3):  # the password, then a wrong code; the password again clears its counter
        sign_in_password(client)
        client.post(VERIFY, {"code": "123456"})
    sign_in_password(client)

    response = client.post(VERIFY, {"code": code_for(device)})

    assert "Too many wrong attempts" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_pending_sign_in_expires(client, alice_2fa, settings):
    device, _ = alice_2fa
    sign_in_password(client)
    settings.TWO_FACTOR_PENDING_SECONDS = -1

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response["Location"] == LOGIN
    assert SESSION_KEY not in client.session


def test_a_password_change_voids_the_pending_sign_in(client, alice, alice_2fa):
    device, _ = alice_2fa
    sign_in_password(client)
    alice.set_password("another-long-passphrase")
    alice.save()

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response["Location"] == LOGIN
    assert SESSION_KEY not in client.session


def test_the_verify_page_without_a_pending_sign_in_sends_to_sign_in(client, db):
    assert client.get(VERIFY)["Location"] == LOGIN


def test_a_session_older_than_the_second_factor_is_sent_to_verify(client, alice, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(alice)  # say, on another computer, before alice turned it on
    device, _ = turn_on(alice)

    response = client.get("/clients/")
    assert response["Location"] == VERIFY + "?next=%2Fclients%2F"
    assert client.post("/clients/new/", {"name": "Noor"}).status_code == 302
    assert not Client.objects.exists()

    client.post(VERIFY, {"code": code_for(device), "next": "/clients/"})
    assert client.get("/clients/").status_code == 200


# Setting it up -------------------------------------------------------------------------------


def test_setting_it_up_shows_a_qr_code_and_the_key_then_the_recovery_codes(client, alice):
    client.force_login(alice)
    page = client.get(SETUP)
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body and "<img" not in body
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    assert two_factor.setup_secret(device) in body
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    assert client.get(SETUP).content.decode().count(two_factor.setup_secret(device)) == 1

    response = client.post(SETUP, {"code": code_for(device)})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = list(StaticToken.objects.filter(device__user=alice).values_list("token", flat=True))
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert all(code in response.content.decode() for code in codes)
    assert two_factor.is_enabled(alice)
    assert client.get("/clients/").status_code == 200  # this session proved the factor
    [enabled] = events("user.two_factor_enabled")
    recorded = str(enabled.data) + str(enabled.changes) + enabled.object_repr
    assert device.key not in recorded and not any(code in recorded for code in codes)


def test_setting_it_up_refuses_a_wrong_code(client, alice):
    client.force_login(alice)
    client.get(SETUP)

    response = client.post(SETUP, {"code": "12345x"})

    assert response.status_code == 200
    assert not two_factor.is_enabled(alice)
    assert events("user.two_factor_enabled") == []


def test_turning_it_off_needs_a_current_code_or_the_password(client, alice, alice_2fa):
    client.force_login(alice)
    device, _ = alice_2fa
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()

    response = client.post("/accounts/security/disable/", {"disable-password": "not-my-password"})
    assert response.status_code == 422
    assert two_factor.is_enabled(alice)
    assert client.post("/accounts/security/disable/", {}).status_code == 422

    response = client.post("/accounts/security/disable/", {"disable-password": PASSWORD})

    assert response["Location"] == SECURITY
    assert not two_factor.is_enabled(alice)
    assert len(events("user.two_factor_disabled")) == 1


def test_new_recovery_codes_void_the_old_ones(alice, alice_2fa):
    device, old = alice_2fa
    with pytest.raises(Exception, match="code"):
        two_factor.recovery_codes_regenerate(user=alice, code="zzzzzzzz")

    new = two_factor.recovery_codes_regenerate(user=alice, code=code_for(device))

    assert set(new).isdisjoint(old)
    assert not two_factor.check_second_factor(alice, old[1])
    assert two_factor.check_second_factor(alice, new[1])
    assert len(events("user.recovery_codes_regenerated")) == 1


def test_the_security_page_is_in_the_dashboard_nav(client, alice):
    client.force_login(alice)
    response = client.get(SECURITY)
    assert response.status_code == 200
    assert 'href="/accounts/security/"' in client.get("/").content.decode()


# The agency's switch -------------------------------------------------------------------------


def test_only_the_owner_with_two_factor_can_require_it(client, agency, alice, amir):
    admin = UserFactory(agency=agency, role=Role.ADMIN)
    for member in (amir, admin):
        client.force_login(member)
        assert client.post("/accounts/security/agency/", {"required": "on"}).status_code == 403
    client.force_login(alice)
    response = client.post("/accounts/security/agency/", {"required": "on"})
    assert response.status_code == 422
    agency.refresh_from_db()
    assert not agency.require_two_factor

    device, _ = turn_on(alice)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    response = client.post("/accounts/security/agency/", {"required": "on"})

    assert response["Location"] == SECURITY
    agency.refresh_from_db()
    assert agency.require_two_factor
    [switched] = events("agency.two_factor_required")
    assert switched.actor_id == alice.pk and switched.agency_id == agency.pk
    client.post("/accounts/security/agency/", {})
    agency.refresh_from_db()
    assert not agency.require_two_factor and len(events("agency.two_factor_optional")) == 1


def test_when_required_a_member_without_it_sets_it_up_before_anything_else(client, agency, amir):
    agency.require_two_factor = True
    agency.save()
    client.force_login(amir)

    assert client.get("/clients/")["Location"] == SETUP + "?next=%2Fclients%2F"
    assert client.get(SECURITY)["Location"].startswith(SETUP)
    assert client.post("/clients/new/", {"name": "Noor"})["Location"] == SETUP
    assert not Client.objects.exists()
    htmx = client.get("/clients/", HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"].startswith(SETUP)
    assert client.get(SETUP).status_code == 200

    device = TOTPDevice.objects.get(user=amir)
    client.post(SETUP, {"code": code_for(device)})
    assert client.get("/clients/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302


def test_when_required_a_session_without_the_second_factor_is_sent_to_verify(client, agency, amir):
    turn_on(amir)
    agency.require_two_factor = True
    agency.save()
    client.force_login(amir)

    assert client.get("/")["Location"].startswith(VERIFY)


def test_members_of_other_agencies_are_not_asked(client, agency, bob):
    agency.require_two_factor = True
    agency.save()
    client.force_login(bob)
    assert client.get("/clients/").status_code == 200


# The service the API's token sign-in calls -----------------------------------------------------


def test_check_second_factor_for_the_api(alice, amir, agency):
    assert not two_factor.is_enabled(alice) and not two_factor.required_for(alice)
    assert not two_factor.check_second_factor(alice, "123456")
    device, codes = turn_on(alice)

    assert not two_factor.check_second_factor(alice, "")
    assert not two_factor.check_second_factor(alice, "1e999")
    assert not two_factor.check_second_factor(alice, "\x00" * 40)
    assert two_factor.check_second_factor(alice, code_for(device))
    assert two_factor.check_second_factor(alice, codes[2])
    assert not two_factor.check_second_factor(alice, codes[2])
    agency.require_two_factor = True
    agency.save()
    amir.refresh_from_db()
    assert two_factor.required_for(amir)


def test_a_forged_pending_sign_in_is_refused(client, alice, alice_2fa):
    session = client.session
    session["two_factor_pending"] = json.dumps({"user": alice.pk, "backend": "", "hash": ""})
    session.save()

    response = client.post(VERIFY, {"code": code_for(alice_2fa[0])})

    assert response["Location"] == LOGIN
    assert SESSION_KEY not in client.session


def test_wrong_passwords_when_turning_it_off_count_against_the_throttle(
    client, alice, alice_2fa, settings
):
    settings.LOGIN_FAILURES_PER_IDENTIFIER = 3
    client.force_login(alice)
    session = client.session
    session["otp_device_id"] = alice_2fa[0].persistent_id
    session.save()
    for _ in range(3):
        client.post("/accounts/security/disable/", {"disable-password": "guess"})

    response = client.post("/accounts/security/disable/", {"disable-password": PASSWORD})

    assert response.status_code == 422
    assert "Too many wrong attempts" in response.content.decode()
    assert two_factor.is_enabled(alice)
