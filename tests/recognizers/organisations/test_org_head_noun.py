"""OrgHeadNounRecognizer: head noun + name, clubs, shop names."""

from __future__ import annotations

import pytest

from recognizers.organisations.org_head_noun import OrgHeadNounRecognizer


@pytest.fixture(scope="module")
def rec():
    return OrgHeadNounRecognizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle a repris ses études au lycée Jules-Ferry.", ["lycée Jules-Ferry"]),
        ("Son fils entre au collège Jean-Moulin.", ["collège Jean-Moulin"]),
        ("Inscription à l'école Les Tilleuls.", ["école Les Tilleuls"]),
        ("Elle étudie à l'université de Bordeaux.", ["université de Bordeaux"]),
        ("Urgences au CHU de Rennes dimanche.", ["CHU de Rennes"]),
        ("Infirmier arrivé du CHU Dijon Bourgogne.", ["CHU Dijon Bourgogne"]),
        ("Diplômée de l'IFSI de Chalon-sur-Saône.", ["IFSI de Chalon-sur-Saône"]),
        ("La crèche Les Lucioles a une place.", ["crèche Les Lucioles"]),
        ("Le bilan est revu par le cabinet Fiducial.", ["cabinet Fiducial"]),
        ("Président de l'association Parents Solidaires.", ["association Parents Solidaires"]),
        ("Tatoueuse au studio Encre Rouge.", ["studio Encre Rouge"]),
        ("Le lait part à la coopérative Isigny Sainte-Mère.", ["coopérative Isigny Sainte-Mère"]),
        ("Entretien au centre de santé Les Glycines.", ["centre de santé Les Glycines"]),
        ("Sa grand-mère est à l'EHPAD Les Magnolias.", ["EHPAD Les Magnolias"]),
        ("Réunion à la ferme des Quatre-Vents.", ["ferme des Quatre-Vents"]),
        ("Fonds repris : Boulangerie Martel, 12 rue Haute", ["Boulangerie Martel"]),
        ("Facturé à Menuiserie Roux & Fils", ["Menuiserie Roux & Fils"]),
        ("Il sort de sa nuit chez Maison Fabre, à Lyon.", ["Maison Fabre"]),
        ("Un prêt d'Initiative Savoie.", ["Initiative Savoie"]),
        ("Recommandé par la Chambre de métiers de l'Ain.", ["Chambre de métiers de l'Ain"]),
        (
            "Elle joue à l'Orchestre national du Capitole de Toulouse.",
            ["Orchestre national du Capitole de Toulouse"],
        ),
        ("Concours du CNSMD de Lyon, puis CRR de Lyon.", ["CNSMD de Lyon", "CRR de Lyon"]),
        ("Elle s'entraîne au CREPS de Bordeaux.", ["CREPS de Bordeaux"]),
        ("Financement : OPCO EP, puis OPCO Santé.", ["OPCO EP", "OPCO Santé"]),
        ("Licenciée au Judo Club Agenais.", ["Judo Club Agenais"]),
        ("Il va voir le match du RC Lens.", ["RC Lens"]),
        ("Il veut appeler la boutique Le Fournil de Mathis.", ["Le Fournil de Mathis"]),
        ("Fleuriste, boutique L'Atelier de Rose.", ["L'Atelier de Rose"]),
        ("Il tient le food truck Chez Sof' sur le port.", ["Chez Sof'"]),
        ("Coach : Paul Ravel (Ravel Conseil, Dijon)", ["Ravel Conseil"]),
        ("AFS COACHING - Aurélien Fabre", ["AFS COACHING"]),
        # care practices and home-care services of clinical records
        ("Suivi au Cabinet médical des Acacias depuis 2015.", ["Cabinet médical des Acacias"]),
        (
            "Bilan fait au cabinet de kinésithérapie du Beffroi.",
            ["cabinet de kinésithérapie du Beffroi"],
        ),
        ("Adressée au cabinet dentaire de la Roseraie.", ["cabinet dentaire de la Roseraie"]),
        ("Passage du SSIAD Val de Loire matin et soir.", ["SSIAD Val de Loire"]),
        # a town after a name only locates the branch
        ("Prévenir la clinique Saint-Amé de Lambres-lez-Douai.", ["clinique Saint-Amé"]),
        ("Revu par le cabinet Fiducial de Bourg.", ["cabinet Fiducial"]),
    ],
)
def test_finds_named_organisations(found, rec, text, expected):
    assert found(rec, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "J'ai appelé la mairie, puis le club.",
        "Le rectorat n'a pas répondu ; l'inspection non plus.",
        "Elle est chez le notaire, la banque attendra.",
        "La direction des soins valide le planning.",
        "Il faut qu'elle prévienne la clinique.",
        "La mairie de secteur ne répond pas.",
        "Le centre est fermé, l'hôpital aussi.",
        "L'association de quartier organise un repas.",
        "La salle de repos de l'équipe de jour.",
        "Une boulangerie du bourg, sans site.",
        "Séance Coaching du 4 mars.",
        "Le groupe de codéveloppement se réunit.",
        "une maison de famille, la ferme voisine",
        "Le cabinet médical de garde est fermé le dimanche.",
        "Courrier au cabinet médical du Dr Lemoine.",
        "Le SSIAD passe deux fois par jour.",
    ],
)
def test_ignores_generic_organisations(found, rec, text):
    assert found(rec, text) == []


def test_head_and_kind_hints(analyzer, rec):
    text = "Elle travaille à l'EHPAD Les Magnolias."
    artifacts = analyzer.nlp_engine.process_text(text, "fr")
    (result,) = rec.analyze(text, ["ORG"], artifacts)
    assert result.recognition_metadata["head"] == "ehpad"
    assert result.recognition_metadata["kind"] == "nursing_home"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle a repris la Savonnerie Bastide en 2019.", "Savonnerie Bastide"),
        ("Les fûts viennent de la tonnellerie Rossignol-Vachet.", "tonnellerie Rossignol-Vachet"),
        ("Stage à la Chocolaterie Morel cet été.", "Chocolaterie Morel"),
    ],
)
def test_any_trade_noun_in_erie_heads_a_business(found, text, expected):
    assert expected in found(OrgHeadNounRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    ["Elle aime la galerie du musée.", "Une série Netflix.", "La boulangerie du bourg ferme."],
)
def test_erie_words_without_a_name_are_not_organisations(found, text):
    assert found(OrgHeadNounRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prise en charge demandée auprès de l'OPCO 2i.", "OPCO 2i"),
        ("Dossier déposé à l'OPCO EP hier.", "OPCO EP"),
    ],
)
def test_acronym_heads_take_a_code_as_name(found, text, expected):
    assert expected in found(OrgHeadNounRecognizer(), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il lit le journal Le Progrès.", "journal Le Progrès"),
        ("Publié chez l'éditeur Actes Sud.", "éditeur Actes Sud"),
        ("Son roman paraît aux Éditions du Lapin Vert.", "Éditions du Lapin Vert"),
        ("Il dîne au restaurant La Table.", "restaurant La Table"),
        ("Elle a démarré à la pépinière Les Bassins.", "pépinière Les Bassins"),
        ("Il travaille pour le client Norauto Sud.", "client Norauto Sud"),
        ("Elle rejoint la start-up Mobilix.", "start-up Mobilix"),
        ("Il est associé au cabinet Ravenel.", "cabinet Ravenel"),
        ("Contrat avec l'hébergeur Nimbus Septentrion.", "hébergeur Nimbus Septentrion"),
        ("Le fonds Kima Ventures a investi.", "fonds Kima Ventures"),
        ("Les intérimaires de l'agence Flandre Intérim.", "agence Flandre Intérim"),
        ("Un prêt de la Banque Alpine de Crédit.", "Banque Alpine de Crédit"),
        ("Notre banque, la Caisse Régionale Normandie Seine.", "Caisse Régionale Normandie Seine"),
        ("Soumis au tribunal de commerce de Paris.", "tribunal de commerce de Paris"),
        ("Appel devant la cour d'appel de Lyon.", "cour d'appel de Lyon"),
        ("Zonage pluvial de la Ville de Lorient.", "Ville de Lorient"),
        ("Il a travaillé à l'Atelier Cobalt.", "Atelier Cobalt"),
        # a head's later words capitalized in an official name
        ("Hospitalisé au Centre Hospitalier Cochin.", "Centre Hospitalier Cochin"),
        (
            "Inscrit à la Chambre de Commerce et d'Industrie de Lyon.",
            "Chambre de Commerce et d'Industrie de Lyon",
        ),
        # a capitalized trade noun in -erie(s) names a business, its town included
        ("Les Fromageries du Revard livrent.", "Fromageries du Revard"),
        ("Un fournisseur, les Cartonneries de l'Andelle.", "Cartonneries de l'Andelle"),
        ("Il livre la Laiterie de Montauban-de-Bretagne.", "Laiterie de Montauban-de-Bretagne"),
    ],
)
def test_role_nouns_and_official_names(found, text, expected):
    assert expected in found(OrgHeadNounRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        # a person after a head that also names people
        "Elle travaille pour le client Julien.",
        "Elle a rappelé le client Dupont.",
        "La cliente Mme Roux a appelé.",
        # a listed public service keeps its own name
        "Inscrite à l'agence Pôle emploi.",
        # a lower-case trade noun only locates the shop
        "Il achète à la fromagerie de Mérignac.",
        # a department or a label, not a company
        "Validation Architecture : OK",
        "Sabrina, Lead Data Scientist.",
    ],
)
def test_role_nouns_without_an_organisation(found, text):
    assert found(OrgHeadNounRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serena Capital a suivi le tour.", "Serena Capital"),
        ("Kima Ventures et Serena Capital sont au capital.", "Kima Ventures"),
        ("Atlantique Impact Ventures mène le tour.", "Atlantique Impact Ventures"),
        ("Le holding Marceau Holding détient 40 %.", "Marceau Holding"),
        ("Pour Mazerolles Expertise", "Mazerolles Expertise"),
        ("NORDIS EMBALLAGES - COMITÉ SOCIAL", "NORDIS EMBALLAGES"),
        ("Livré par Trans'Ouest Messagerie hier.", "Trans'Ouest Messagerie"),
    ],
)
def test_investment_firms_and_company_words(found, text, expected):
    assert expected in found(OrgHeadNounRecognizer(), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il vit au centre Les Rosiers depuis mai.", "centre Les Rosiers"),
        ("Elle réside à la résidence Les Hortensias.", "résidence Les Hortensias"),
        ("Hébergé au foyer Le Nid.", "foyer Le Nid"),
        ("Suivi à l'hôpital gériatrique Les Magnolias.", "hôpital gériatrique Les Magnolias"),
    ],
)
def test_care_places_named_after_their_head(text, expected):
    found = OrgHeadNounRecognizer().analyze(text, ["ORG"], None)
    assert expected in [text[r.start : r.end] for r in found]


@pytest.mark.parametrize(
    "text",
    ["Le centre de formation ferme.", "Rendez-vous au centre-ville.", "La résidence principale."],
)
def test_care_heads_without_a_name_name_nothing(text):
    assert OrgHeadNounRecognizer().analyze(text, ["ORG"], None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suivie au cabinet médical du Moulinet depuis 2019.", ["cabinet médical du Moulinet"]),
        (
            "Cabinet de kinésithérapie des Bruyères, 3 rue Haute",
            ["Cabinet de kinésithérapie des Bruyères"],
        ),
        ("Placé à la MECS Les Ormeaux depuis mai.", ["MECS Les Ormeaux"]),
        ("Il loge au FJT Les Quatre Vents.", ["FJT Les Quatre Vents"]),
        ("Opéré à la clinique du Havre.", ["clinique du Havre"]),
    ],
)
def test_a_practice_named_after_a_place_or_a_plant(found, text, expected):
    assert found(OrgHeadNounRecognizer(), text) == expected


def test_a_title_after_the_connector_is_still_a_person(found):
    assert found(OrgHeadNounRecognizer(), "Rendez-vous au cabinet de Mme Roux.") == []


def test_a_doctor_after_a_head_and_its_connector_is_a_person(found):
    text = "Consultation en EHPAD du Dr Rousseau, sans changement."
    assert found(OrgHeadNounRecognizer(), text) == []
