"""Fixed vocabularies of the synthetic company: names, places, industries, products, reasons.

The company is a fictional French distributor of professional equipment, consumables, spare
parts, services and software ("Verdier Équipements"), selling to TPE/PME/ETI/GE customers in
France and neighbouring countries.
"""
from __future__ import annotations

COMPANY_DOMAIN = "verdier-equipements.fr"

FIRST_NAMES = [
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Laurent",
    "Stéphane", "Julien", "Thomas", "David", "Éric", "Frédéric", "Sébastien", "Olivier", "Antoine",
    "Mathieu", "Guillaume", "Romain", "Maxime", "Vincent", "Hugo", "Lucas", "Arnaud", "François",
    "Bruno", "Yann", "Cédric", "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie",
    "Céline", "Sandrine", "Valérie", "Christine", "Julie", "Aurélie", "Émilie", "Camille", "Laura",
    "Claire", "Anne", "Hélène", "Caroline", "Élodie", "Charlotte", "Manon", "Pauline", "Léa",
    "Chloé", "Virginie", "Audrey", "Stéphanie", "Mélanie", "Agnès",
]

LAST_NAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
    "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
    "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
    "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
    "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
    "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume",
    "Lecomte", "Lopez", "Dupuis", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Moulin",
    "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein",
    "Jacquet", "Adam", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charpentier", "Ménard",
    "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
    "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot", "Le Roux", "Cousin", "Germain",
    "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier",
    "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Jacob", "Monnier",
    "Michaud", "Guichard", "Gillet", "Étienne", "Poulain", "Tessier", "Chauvin", "Da Silva",
    "Bouchet", "Lemaître", "Maréchal", "Humbert", "Reynaud", "Perret", "Barthélemy", "Cordier",
    "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
]

# country code, weight, legal forms, cities, VAT rate on invoices (0 = export or intra-EU reverse charge)
COUNTRIES = [
    ("FR", 0.78, ["SAS", "SARL", "SA", "EURL", "SASU"],
     ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille", "Rennes", "Strasbourg",
      "Montpellier", "Nice", "Grenoble", "Dijon", "Angers", "Reims", "Le Havre", "Saint-Étienne",
      "Toulon", "Clermont-Ferrand", "Tours", "Limoges", "Amiens", "Metz", "Besançon", "Orléans",
      "Rouen", "Caen", "Nancy", "Avignon", "Poitiers", "La Rochelle", "Pau", "Annecy", "Valence",
      "Brest", "Le Mans", "Perpignan", "Mulhouse", "Troyes", "Chambéry"], 0.20),
    ("BE", 0.08, ["SRL", "SA", "SPRL"], ["Bruxelles", "Liège", "Namur", "Charleroi", "Mons", "Wavre"], 0.21),
    ("CH", 0.05, ["SA", "Sàrl", "AG"], ["Genève", "Lausanne", "Neuchâtel", "Fribourg", "Sion"], 0.0),
    ("LU", 0.03, ["SARL", "SA"], ["Luxembourg", "Esch-sur-Alzette", "Differdange"], 0.17),
    ("DE", 0.04, ["GmbH", "AG"], ["Sarrebruck", "Karlsruhe", "Stuttgart", "Francfort", "Fribourg-en-Brisgau"], 0.0),
    ("ES", 0.01, ["SL", "SA"], ["Barcelone", "Saragosse"], 0.0),
    ("IT", 0.01, ["SRL", "SpA"], ["Turin", "Milan"], 0.0),
]
COUNTRY_CODES = [c[0] for c in COUNTRIES]

SEGMENTS = ["TPE", "PME", "ETI", "GE"]
SEGMENT_WEIGHTS = [0.42, 0.37, 0.16, 0.05]

# industry, weight, words used in company names
INDUSTRIES = [
    ("Industrie manufacturière", 0.18, ["Mécanique", "Plasturgie", "Métallerie", "Usinage", "Chaudronnerie"]),
    ("BTP", 0.14, ["Construction", "Bâtiment", "Travaux Publics", "Charpente", "Menuiserie"]),
    ("Commerce de gros", 0.12, ["Négoce", "Distribution", "Fournitures", "Import Export"]),
    ("Transport et logistique", 0.09, ["Transports", "Logistique", "Messagerie", "Fret"]),
    ("Agroalimentaire", 0.09, ["Fromagerie", "Conserverie", "Salaisons", "Brasserie", "Biscuiterie"]),
    ("Services aux entreprises", 0.1, ["Conseil", "Services", "Propreté", "Sécurité"]),
    ("Santé", 0.06, ["Clinique", "Laboratoires", "Médical", "Pharma"]),
    ("Hôtellerie-restauration", 0.06, ["Hôtellerie", "Restauration", "Traiteur"]),
    ("Énergie", 0.05, ["Énergies", "Solaire", "Thermique"]),
    ("Informatique", 0.05, ["Informatique", "Systèmes", "Réseaux"]),
    ("Automobile", 0.06, ["Garage", "Carrosserie", "Auto Pièces"]),
]

NAME_PREFIXES = ["Groupe", "Établissements", "Ets", "Atelier", "Maison", "Société", "Compagnie"]

LEAD_SOURCES = ["email", "paid_ads", "organic", "referral", "event", "partner"]
LEAD_SOURCE_WEIGHTS = [0.18, 0.2, 0.22, 0.15, 0.13, 0.12]

# job title, department
JOBS = [
    ("Directeur général", "Direction"), ("Gérant", "Direction"), ("Directrice générale", "Direction"),
    ("Responsable achats", "Achats"), ("Acheteur", "Achats"), ("Acheteuse", "Achats"),
    ("Directeur financier", "Finance"), ("Comptable", "Finance"),
    ("Responsable logistique", "Logistique"), ("Responsable maintenance", "Technique"),
    ("Directeur technique", "Technique"), ("Responsable de production", "Production"),
    ("Chef d'atelier", "Production"), ("Assistante de direction", "Direction"),
    ("Responsable informatique", "Informatique"), ("Directeur commercial", "Commercial"),
    ("Office manager", "Services généraux"), ("Responsable QHSE", "Qualité"),
]

# Sales organisation
DIRECTION_TEAM = "Direction commerciale"
BUSINESS_UNITS = ["Régions", "Grands Comptes", "International"]
BU_TEAM_SHARE = [0.55, 0.25, 0.2]
TEAM_NAMES = {
    "Régions": ["Île-de-France", "Nord-Est", "Auvergne-Rhône-Alpes", "Grand Ouest", "Sud-Ouest",
                "Méditerranée", "Centre-Val de Loire", "Hauts-de-France", "Bourgogne-Franche-Comté",
                "Normandie", "Occitanie", "Bretagne"],
    "Grands Comptes": ["Grands Comptes Nord", "Grands Comptes Sud", "Grands Comptes Industrie",
                       "Grands Comptes Services"],
    "International": ["Benelux", "Suisse", "DACH", "Export"],
}

# Products: range, weight in order lines, categories (category, item words), price median, margin
PRODUCT_RANGES = [
    ("Équipements", 0.16, [("Machines", ["Compresseur", "Perceuse à colonne", "Scie à ruban", "Nettoyeur haute pression"]),
                           ("Outillage électroportatif", ["Visseuse", "Meuleuse", "Perforateur", "Ponceuse"]),
                           ("Mobilier d'atelier", ["Établi", "Armoire d'atelier", "Servante", "Rayonnage"])], 850.0, 0.32),
    ("Consommables", 0.36, [("Abrasifs", ["Disque abrasif", "Bande abrasive", "Meule"]),
                            ("Lubrifiants", ["Huile de coupe", "Graisse", "Dégrippant"]),
                            ("Visserie", ["Boîte de vis", "Boulons", "Chevilles"]),
                            ("EPI", ["Gants", "Lunettes de protection", "Casque antibruit"])], 24.0, 0.42),
    ("Pièces détachées", 0.26, [("Roulements", ["Roulement à billes", "Palier"]),
                                ("Filtres", ["Filtre à air", "Filtre hydraulique"]),
                                ("Transmission", ["Courroie", "Chaîne", "Moteur réducteur"])], 110.0, 0.38),
    ("Services", 0.12, [("Maintenance", ["Visite de maintenance", "Contrat d'entretien"]),
                        ("Installation", ["Mise en service", "Installation sur site"]),
                        ("Formation", ["Formation sécurité", "Formation utilisateur"])], 520.0, 0.45),
    ("Logiciels", 0.10, [("Licences", ["Licence GMAO", "Licence inventaire"]),
                         ("Abonnements", ["Abonnement portail", "Abonnement télémaintenance"])], 260.0, 0.7),
]
RANGE_NAMES = [r[0] for r in PRODUCT_RANGES]

LOST_REASONS = ["Prix trop élevé", "Concurrent retenu", "Projet abandonné", "Pas de budget",
                "Délai de livraison", "Pas de réponse du client", "Produit inadapté"]
LOST_REASON_WEIGHTS = [0.28, 0.24, 0.14, 0.12, 0.08, 0.09, 0.05]

STAGES = ["prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"]
STAGE_PROBABILITY = [10, 20, 50, 75, 100, 0]

CAMPAIGN_CHANNELS = ["email", "paid_ads", "event", "direct_mail", "social"]
CAMPAIGN_CHANNEL_WEIGHTS = [0.4, 0.2, 0.15, 0.1, 0.15]
CAMPAIGN_LABELS = {
    "email": ["Newsletter", "Emailing", "Relance e-mail"],
    "paid_ads": ["Google Ads", "Campagne LinkedIn Ads", "Display"],
    "event": ["Salon", "Webinaire", "Journée portes ouvertes"],
    "direct_mail": ["Mailing papier", "Catalogue"],
    "social": ["LinkedIn", "Campagne réseaux sociaux"],
}
CAMPAIGN_THEMES = ["Rentrée", "Printemps", "Offre Pro", "Nouveautés", "Déstockage", "Maintenance",
                   "Sécurité atelier", "Fin d'année", "Industrie 4.0", "Économies d'énergie"]
# campaign channel -> opportunity lead_source
CAMPAIGN_LEAD_SOURCE = {"email": "email", "paid_ads": "paid_ads", "event": "event",
                        "direct_mail": "email", "social": "paid_ads"}

# contact reason, weight, probability of being a complaint
CONTACT_REASONS = [
    ("Retard de livraison", 0.16, 0.35), ("Produit défectueux", 0.10, 0.6),
    ("Erreur de facturation", 0.10, 0.4), ("Demande de devis", 0.11, 0.0),
    ("Question technique", 0.15, 0.02), ("Modification de commande", 0.09, 0.0),
    ("Retour produit", 0.07, 0.3), ("Réclamation commerciale", 0.05, 1.0),
    ("Suivi de commande", 0.11, 0.05), ("Accès espace client", 0.04, 0.05),
    ("Changement de coordonnées", 0.02, 0.0),
]
CASE_CHANNELS = ["phone", "email", "chat", "web"]
CASE_CHANNEL_WEIGHTS = [0.4, 0.35, 0.1, 0.15]
PRIORITIES = ["low", "normal", "high", "urgent"]
PRIORITY_WEIGHTS = [0.2, 0.55, 0.18, 0.07]
SLA_HOURS = [120, 48, 8, 4]

ORDER_CHANNELS = ["field", "phone", "web", "store"]

PROJECT_KINDS = [  # name, billable share, hourly rate median
    ("Installation de ligne", 0.92, 105.0), ("Déploiement logiciel", 0.88, 115.0),
    ("Contrat de maintenance", 0.7, 90.0), ("Audit énergétique", 0.95, 125.0),
    ("Formation des équipes", 0.9, 95.0), ("Mise en conformité sécurité", 0.85, 110.0),
]

WEB_CHANNELS = ["organic", "paid_search", "direct", "email", "social", "referral"]
WEB_CHANNEL_WEIGHTS = [0.4, 0.18, 0.2, 0.08, 0.08, 0.06]
WEB_GOAL_RATE = [0.025, 0.035, 0.03, 0.06, 0.015, 0.04]

ACTION_PLAN_TITLES = ["Plan de compte", "Plan de développement", "Reconquête client",
                      "Plan de fidélisation", "Lancement gamme", "Plan de prospection"]
