from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import oidc, views
from .forms import ConnexionForm, MotDePasseOublieForm
from .otp import second_factor_exempt

app_name = "accounts"

urlpatterns = [
    path(
        "connexion/",
        views.Connexion.as_view(authentication_form=ConnexionForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("proconnect/", oidc.Connexion.as_view(), name="oidc_connexion"),
    path("proconnect/retour/", oidc.Retour.as_view(), name="oidc_retour"),
    path("deconnexion/", second_factor_exempt(auth_views.LogoutView.as_view()), name="logout"),
    path("double-authentification/", views.verification, name="otp_verification"),
    path("double-authentification/activer/", views.enrolement, name="otp_enrolement"),
    path("securite/", views.securite, name="securite"),
    path("securite/codes-de-secours/", views.codes_secours, name="otp_codes_secours"),
    path("securite/desactiver/", views.desactiver, name="otp_desactiver"),
    path("session/prolonger/", views.prolonger_session, name="session_prolonger"),
    path("acces/", views.JournalAcces.as_view(), name="acces"),
    path("jetons/", views.jetons, name="jetons"),
    path("jetons/creer/<str:usage>/", views.jeton_creer, name="jeton_creer"),
    path("jetons/<int:pk>/revoquer/", views.jeton_revoquer, name="jeton_revoquer"),
    path("agenda/<str:secret>.ics", views.agenda, name="agenda"),
    path(
        "mot-de-passe/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path("mot-de-passe/modifie/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "mot-de-passe/oubli/",
        auth_views.PasswordResetView.as_view(
            form_class=MotDePasseOublieForm,
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path("mot-de-passe/oubli/envoye/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
