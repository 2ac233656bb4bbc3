from django.urls import path

from .views import annuaire, catalogue, donnees, structures, utilisateurs

app_name = "partners"

urlpatterns = [
    path("", annuaire.StructureListView.as_view(), name="liste"),
    path("data-inclusion/structures.json", donnees.structures, name="data_inclusion_structures"),
    path("data-inclusion/services.json", donnees.services, name="data_inclusion_services"),
    path("nouvelle/", structures.StructureCreateView.as_view(), name="creer"),
    path("<int:pk>/", annuaire.StructureDetailView.as_view(), name="detail"),
    path("<int:pk>/modifier/", structures.StructureUpdateView.as_view(), name="modifier"),
    path("<int:pk>/offres/", structures.offres, name="offres"),
    path("<int:structure_pk>/contacts/ajouter/", structures.ContactCreateView.as_view(), name="contact_ajouter"),
    path("contacts/<int:pk>/modifier/", structures.ContactUpdateView.as_view(), name="contact_modifier"),
    path("contacts/<int:pk>/supprimer/", structures.contact_supprimer, name="contact_supprimer"),
    path("catalogue/", catalogue.CatalogueListView.as_view(), name="catalogue"),
    path("catalogue/nouveau/", catalogue.EtapeTypeCreateView.as_view(), name="catalogue_creer"),
    path("catalogue/<int:pk>/modifier/", catalogue.EtapeTypeUpdateView.as_view(), name="catalogue_modifier"),
    path("catalogue/<int:pk>/activer/", catalogue.etapetype_activer, name="catalogue_activer"),
    path("catalogue/<int:pk>/supprimer/", catalogue.etapetype_supprimer, name="catalogue_supprimer"),
    path("utilisateurs/", utilisateurs.UtilisateurListView.as_view(), name="utilisateurs"),
    path("utilisateurs/inviter/", utilisateurs.inviter, name="inviter"),
    path("utilisateurs/<int:pk>/modifier/", utilisateurs.utilisateur_modifier, name="utilisateur_modifier"),
    path("utilisateurs/<int:pk>/activer/", utilisateurs.utilisateur_activer, name="utilisateur_activer"),
]
