"""Root URLs. Each app owns its own `urls.py` under a namespace."""

from django.contrib import admin
from django.urls import include, path

from . import pages, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("donnees-personnelles/", pages.donnees_personnelles, name="donnees_personnelles"),
    path("accessibilite/", pages.accessibilite, name="accessibilite"),
    path("mentions-legales/", pages.mentions_legales, name="mentions_legales"),
    path("comptes/", include("accounts.urls")),
    path("participants/", include("participants.urls")),
    path("parcours/", include("parcours.urls")),
    path("partenaires/", include("partners.urls")),
    path("aap/", include("aap_invisibles.urls")),
    path("rapports/", include("reports.urls")),
    path("notifications/", include("notifications.urls")),
    path("rgpd/", include("rgpd.urls")),
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "plie_portal.views.error_403"
handler404 = "plie_portal.views.error_404"
handler500 = "plie_portal.views.error_500"

admin.site.site_header = "Administration du Portail PLIE"
admin.site.site_title = "Portail PLIE"
admin.site.index_title = "Administration"
