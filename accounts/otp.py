"""Second factor (TOTP application and backup codes) on top of django-otp (issue 7).

Mandatory for coordination, instructeurs and administrators: with a password alone they reach
no personal data (accounts.middleware.SecondFactorMiddleware). Optional for the other roles;
once a user of another role has enrolled, the gate applies to them too.
"""

import base64
import io
from functools import wraps

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import device_classes, devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .models import Role

ROLES_DOUBLE_AUTHENTIFICATION = {Role.COORDINATION, Role.INSTRUCTEUR, Role.DPO}
NOM_APPLICATION = "Application d'authentification"
NOM_CODES_SECOURS = "Codes de secours"
NOMBRE_CODES_SECOURS = 10


def second_factor_exempt(view):
    """Mark a view reachable by a logged-in user who has not given the second factor yet."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.second_factor_exempt = True
    return wrapped


def second_factor_required(user):
    """True when the user's role makes the second factor mandatory (superusers included)."""
    return user.is_authenticated and (user.is_superuser or user.role in ROLES_DOUBLE_AUTHENTIFICATION)


def second_factor_applies(user):
    """True when the gate applies: mandatory role, or a user who chose to enrol a device."""
    return second_factor_required(user) or (user.is_authenticated and has_confirmed_device(user))


def has_confirmed_device(user):
    """Whether `user` has a confirmed device of any kind, in one query.

    The gate asks it on every page of a user who did not verify (most referents and partners):
    django_otp.user_has_device would query each kind of device in turn."""
    ids = [model.objects.devices_for_user(user, confirmed=True).values_list("pk") for model in device_classes()]
    return ids[0].union(*ids[1:]).exists()


CLE_ENROLEMENT = "otp_cle_en_cours"


def pending_totp_device(user, session):
    """The TOTP device being enrolled: the unconfirmed one a first wrong code saved (its throttling
    kept), or a new one left unsaved, its key in the session — viewing the page writes no device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is not None:
        return device
    if not session.get(CLE_ENROLEMENT):
        session[CLE_ENROLEMENT] = random_hex(20)
    return TOTPDevice(user=user, name=NOM_APPLICATION, confirmed=False, key=session[CLE_ENROLEMENT])


def secret_key_text(device):
    """The TOTP secret in base32 by groups of four, for typing it into an application."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """The enrolment QR code as an SVG data URI (an <img>: nothing inline for the CSP)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


@transaction.atomic
def confirm_totp_device(user, device, session=None):
    """Confirm an enrolled TOTP device, replacing the previous application of the user."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    if session is not None:
        session.pop(CLE_ENROLEMENT, None)
    return device


@transaction.atomic
def new_backup_codes(user, codes=None):
    """Replace the user's backup codes (each usable once) and return them in clear, once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=NOM_CODES_SECOURS, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = list(codes) if codes is not None else [StaticToken.random_token() for _ in range(NOMBRE_CODES_SECOURS)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def disable_second_factor(user):
    """Remove every device of the user (only for roles where the second factor is optional)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()


# The provider's word that the person gave two factors (accounts.oidc), kept for the session.
CLE_FOURNISSEUR = "otp_verifie_par_le_fournisseur"


def verifier_par_le_fournisseur(request, user):
    """Count the identity provider's two-factor login as this session's second factor."""
    request.session[CLE_FOURNISSEUR] = user.pk


def verifie_par_le_fournisseur(request):
    """Whether this session's second factor was given at the identity provider."""
    user = request.user
    return user.is_authenticated and request.session.get(CLE_FOURNISSEUR) == user.pk
