"""Every page of the Django admin answers for an administrator: the list of each registered model,
and the change page of an object of the test world (issue 15: private files made them answer 500)."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_admin_list_and_change_page_answers(world, client_of):
    client = client_of(world.admin)
    fautes = []
    for modele, modele_admin in admin.site._registry.items():
        meta = modele._meta
        liste = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        reponse = client.get(liste)
        if reponse.status_code != 200:
            fautes.append(f"{liste} : {reponse.status_code}")
            continue
        objet = modele_admin.get_queryset(reponse.wsgi_request).order_by("pk").first()
        if objet is not None:
            page = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[objet.pk])
            reponse = client.get(page)
            if reponse.status_code != 200:
                fautes.append(f"{page} : {reponse.status_code}")
    assert fautes == []


def test_the_reports_are_followed_in_the_admin(world, client_of):
    reponse = client_of(world.admin).get(reverse("admin:reports_rapport_changelist"))
    assert world.rapport_referent.libelle in reponse.content.decode()


def test_every_section_of_the_admin_index_is_named_in_french(world, client_of):
    page = client_of(world.admin).get("/admin/").content.decode()

    for francais in ("Second facteur : applications d'authentification", "Tâches planifiées", "Horaires cron"):
        assert francais.replace("'", "&#x27;") in page
    for anglais in ("Otp_Totp", "TOTP devices", "Static devices", "Tâches Périodique", "Intervales", "Crontabs"):
        assert anglais not in page
