"""French names in the Django admin for the third-party apps whose own translation is missing or
wrong (django-otp's devices are not marked for translation; django-celery-beat's French has
spelling mistakes). Only the displayed names change: no table, label or migration does."""

from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django_celery_beat.apps import BeatConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OtpStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OtpTotpConfig


def _renommer(config: AppConfig, noms):
    """Give each model of `config` its French singular and plural names."""
    for modele, (singulier, pluriel) in noms.items():
        meta = config.get_model(modele)._meta
        # `_meta` only: the migration state reads the declared Meta options, which stay untouched.
        meta.verbose_name, meta.verbose_name_plural = singulier, pluriel


class TotpConfig(OtpTotpConfig):
    verbose_name = "Second facteur : applications d'authentification"

    def ready(self):
        super().ready()
        _renommer(self, {"TOTPDevice": ("application d'authentification", "applications d'authentification")})


class CodesDeSecoursConfig(OtpStaticConfig):
    verbose_name = "Second facteur : codes de secours"

    def ready(self):
        super().ready()
        _renommer(self, {"StaticDevice": ("liste de codes de secours", "listes de codes de secours")})


class TachesPlanifieesConfig(BeatConfig):
    verbose_name = "Tâches planifiées"

    def ready(self):
        super().ready()
        _renommer(
            self,
            {
                "PeriodicTask": ("tâche planifiée", "tâches planifiées"),
                "IntervalSchedule": ("intervalle", "intervalles"),
                "CrontabSchedule": ("horaire cron", "horaires cron"),
                "ClockedSchedule": ("date et heure fixes", "dates et heures fixes"),
                "SolarSchedule": ("événement solaire", "événements solaires"),
            },
        )


class VerrouillageConfig(AxesConfig):
    verbose_name = "Verrouillage après échecs de connexion"
