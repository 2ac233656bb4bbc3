"""Users of the portal: one account, one structure, one role (DESIGN §1)."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATION = "coordination", _("Coordination PLIE")
    REFERENT = "referent", _("Référent·e de parcours")
    PARTENAIRE = "partenaire", _("Partenaire")
    INSTRUCTEUR = "instructeur", _("Instructeur·rice AAP")
    PORTEUR = "porteur", _("Porteur de projet")
    # Reads the access log and answers the people's requests (RGPD); no case-management page.
    DPO = "dpo", _("Délégué·e à la protection des données")
    # Gives an opinion on the AAP dossiers they were asked about, and sees nothing else.
    EXPERT = "expert", _("Expert·e (avis sur un dossier AAP)")


class UserManager(BaseUserManager):
    """Manager for users whose login is their email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person using the portal. Login is the email; a person with two roles has two accounts."""

    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    structure = models.ForeignKey(
        "partners.Structure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="utilisateurs",
        null=True,
        blank=True,
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, blank=True)
    telephone = models.CharField(_("téléphone"), max_length=20, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_superuser=True) | ~models.Q(role=""),
                name="user_role_required_unless_superuser",
                violation_error_message=_("Un compte qui n'est pas administrateur doit avoir un rôle."),
            ),
        ]

    def __str__(self):
        return self.libelle(self.first_name, self.last_name, self.email)

    @staticmethod
    def libelle(prenom, nom, email):
        """How a person is named in lists: "Prénom Nom" (as `get_full_name`), else their e-mail."""
        return f"{prenom} {nom}".strip() or email

    @classmethod
    def choix(cls, queryset):
        """(pk, label) of the accounts of `queryset`, read as values: a national PLIE's select of
        1,500 referents would otherwise build 1,500 model instances on every list page."""
        return [
            (pk, cls.libelle(prenom, nom, email))
            for pk, prenom, nom, email in queryset.values_list("pk", "first_name", "last_name", "email")
        ]

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def effective_role(self):
        """The role the portal applies: an administrator acts as coordination."""
        if self.is_superuser:
            return Role.COORDINATION
        return self.role

    @property
    def is_coordination(self):
        return self.effective_role == Role.COORDINATION

    @property
    def is_referent(self):
        return self.effective_role == Role.REFERENT

    @property
    def is_partenaire(self):
        return self.effective_role == Role.PARTENAIRE

    @property
    def is_instructeur(self):
        return self.effective_role == Role.INSTRUCTEUR

    @property
    def is_porteur(self):
        return self.effective_role == Role.PORTEUR

    @property
    def is_expert(self):
        return self.effective_role == Role.EXPERT

    def has_role(self, *roles):
        return self.is_authenticated and self.effective_role in roles


class AccesDonneesQuerySet(models.QuerySet):
    def older_than(self, moment):
        return self.filter(le__lt=moment)

    def expires(self, now=None):
        """Rows past the retention period (PLIE_DUREE_JOURNAL_ACCES_JOURS, one year)."""
        return self.older_than((now or timezone.now()) - timedelta(days=settings.PLIE_DUREE_JOURNAL_ACCES_JOURS))

    def purge(self, now=None):
        """Delete the rows past the retention period; the number deleted."""
        deleted, _detail = self.expires(now).delete()
        return deleted


class AccesDonnees(models.Model):
    """Access log of personal data (DESIGN §1): each view of a participant record, export and
    download. Kept one year, searchable by coordination."""

    class Action(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        EXPORT = "export", _("Export")
        TELECHARGEMENT = "telechargement", _("Téléchargement")
        MODIFICATION = "modification", _("Modification")

    utilisateur = models.ForeignKey(
        User, verbose_name=_("utilisateur"), on_delete=models.SET_NULL, null=True, related_name="acces"
    )
    utilisateur_email = models.EmailField(_("e-mail de l'utilisateur"))
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    objet_type = models.CharField(_("type d'objet"), max_length=60)
    objet_id = models.CharField(_("identifiant de l'objet"), max_length=40, blank=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    chemin = models.CharField(_("adresse de la page"), max_length=255, blank=True)
    adresse_ip = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    le = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)

    objects = AccesDonneesQuerySet.as_manager()

    class Meta:
        verbose_name = _("accès aux données personnelles")
        verbose_name_plural = _("accès aux données personnelles")
        ordering = ["-le", "-id"]
        indexes = [models.Index(fields=["objet_type", "objet_id"])]

    def __str__(self):
        return f"{self.utilisateur_email} – {self.get_action_display()} {self.objet_type} {self.objet_id}"


class JetonPersonnelQuerySet(models.QuerySet):
    def valides(self, maintenant=None):
        """Tokens that open something now: neither revoked nor expired, of an active account."""
        maintenant = maintenant or timezone.now()
        return self.filter(revoque_le__isnull=True, expire_le__gt=maintenant, utilisateur__is_active=True)

    def authentifier(self, secret, usage):
        """The valid token of `usage` whose secret is `secret`, its last use recorded; None otherwise."""
        if not secret or not secret.startswith(PREFIXE_JETON):
            return None
        jeton = (
            self.valides()
            .filter(usage=usage, empreinte=empreinte_du_secret(secret))
            .select_related("utilisateur__structure")
            .first()
        )
        if jeton is not None:
            maintenant = timezone.now()
            # One write per few minutes, not one per call: a script polling every second stays cheap.
            if jeton.dernier_usage_le is None or maintenant - jeton.dernier_usage_le > USAGE_RAFRAICHI:
                JetonPersonnel.objects.filter(pk=jeton.pk).update(dernier_usage_le=maintenant)
                jeton.dernier_usage_le = maintenant
        return jeton

    def expires(self, maintenant=None):
        """Tokens expired or revoked more than a year ago (the access log's duration)."""
        limite = (maintenant or timezone.now()) - timedelta(days=settings.PLIE_DUREE_JOURNAL_ACCES_JOURS)
        return self.filter(models.Q(expire_le__lt=limite) | models.Q(revoque_le__lt=limite))

    def purge(self, maintenant=None):
        """Delete the tokens past `expires`; the number deleted."""
        supprimes, _detail = self.expires(maintenant).delete()
        return supprimes


PREFIXE_JETON = "plie_"
USAGE_RAFRAICHI = timedelta(minutes=5)


def empreinte_du_secret(secret):
    """What is stored of a secret: its SHA-256 (the secret is random and long, a slow hash adds nothing)."""
    return hashlib.sha256(secret.encode()).hexdigest()


class JetonPersonnel(models.Model):
    """A personal secret opening one channel outside the browser session: the API, or the calendar
    feed. Only its SHA-256 is kept; the secret is shown once, at creation."""

    class Usage(models.TextChoices):
        API = "api", _("API")
        AGENDA = "agenda", _("Agenda (iCalendar)")

    utilisateur = models.ForeignKey(
        User, verbose_name=_("utilisateur"), on_delete=models.CASCADE, related_name="jetons"
    )
    usage = models.CharField(_("usage"), max_length=10, choices=Usage.choices)
    nom = models.CharField(
        _("nom"), max_length=100, help_text=_("Pour le reconnaître : « script de suivi », « agenda »…")
    )
    empreinte = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the secret, to tell tokens apart in the list without revealing them.
    debut = models.CharField(_("début du jeton"), max_length=12, editable=False)
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    expire_le = models.DateTimeField(_("expire le"))
    revoque_le = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    dernier_usage_le = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)

    objects = JetonPersonnelQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeton personnel")
        verbose_name_plural = _("jetons personnels")
        ordering = ["-cree_le", "-id"]
        indexes = [models.Index(fields=["utilisateur", "usage"])]

    def __str__(self):
        return f"{self.nom} ({self.debut}…)"

    @classmethod
    def creer(cls, utilisateur, usage, nom, duree):
        """A new token and its secret, the only time the secret exists outside the holder's hands."""
        secret = PREFIXE_JETON + secrets.token_urlsafe(32)
        jeton = cls.objects.create(
            utilisateur=utilisateur,
            usage=usage,
            nom=nom,
            empreinte=empreinte_du_secret(secret),
            debut=secret[: len(PREFIXE_JETON) + 4],
            expire_le=timezone.now() + duree,
        )
        return jeton, secret

    def revoquer(self):
        """Stop the token at once; kept in the list, marked revoked, until the yearly purge."""
        if self.revoque_le is None:
            self.revoque_le = timezone.now()
            self.save(update_fields=["revoque_le"])

    @property
    def est_valide(self):
        return self.revoque_le is None and self.expire_le > timezone.now()
