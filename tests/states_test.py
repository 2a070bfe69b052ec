import pytest

from indico_oewg.states import (find_state, find_states, french_name_with_de, get_member_states,
                                get_observer_states, get_state, get_states, name_with_de)


def test_the_list_has_193_members_and_2_observer_states():
    assert len(get_states()) == 195
    assert len(get_member_states()) == 193
    assert {s.name_en for s in get_observer_states()} == {'Holy See', 'State of Palestine'}


@pytest.mark.parametrize(('text', 'iso3'), (
    ('JPN', 'JPN'),
    ('jpn', 'JPN'),
    ('Japan', 'JPN'),
    ('Japon', 'JPN'),
    ('Япония', 'JPN'),
    ('日本', 'JPN'),
    ('اليابان', 'JPN'),
    ('the Philippines', 'PHL'),
    ('Philippines (les)', 'PHL'),
    ('Pays-Bas (Royaume des)', 'NLD'),
    ('the Islamic Republic of Iran', 'IRN'),
    ('Turkey', 'TUR'),
    ('Türkiye', 'TUR'),
    ('turkiye', 'TUR'),
    ('the United Kingdom', 'GBR'),
    ('the United States', 'USA'),
    ('Côte d’Ivoire', 'CIV'),
    ("cote d'ivoire", 'CIV'),
    ('Holy See', 'VAT'),
))
def test_find_state(text, iso3):
    assert find_state(text).iso3 == iso3


@pytest.mark.parametrize('text', ('', '  ', 'XXX', 'Atlantis', 'European Union'))
def test_unknown_state(text):
    assert find_state(text) is None


def test_names_in_each_language():
    philippines = get_state('PHL')
    assert philippines.name('en') == 'Philippines'
    assert philippines.name('fr') == 'Philippines'
    assert get_state('DEU').name('fr') == 'Allemagne'
    assert get_state('DEU').name('zh') == '德国'


@pytest.mark.parametrize(('iso3', 'expected'), (
    ('PHL', 'des Philippines'),
    ('JPN', 'du Japon'),
    ('FRA', 'de la France'),
    ('DEU', "de l'Allemagne"),
    ('VAT', 'du Saint-Siège'),
    ('IRN', "de l'Iran (République islamique d')"),
    ('NLD', 'des Pays-Bas (Royaume des)'),
    ('CUB', 'de Cuba'),
    ('ISR', "d'Israël"),
    ('HTI', "d'Haïti"),
))
def test_french_name_with_de(iso3, expected):
    assert french_name_with_de(get_state(iso3)) == expected


@pytest.mark.parametrize(('iso3', 'language', 'expected'), (
    ('ARG', 'es', 'de la Argentina'),
    ('JPN', 'es', 'del Japón'),
    ('USA', 'es', 'de los Estados Unidos de América'),
    ('BHS', 'es', 'de las Bahamas'),
    ('ALB', 'es', 'de Albania'),
    ('IRN', 'es', 'del Irán (República Islámica del)'),
    ('PHL', 'fr', 'des Philippines'),
    ('PHL', 'en', 'the Philippines'),
    ('JPN', 'en', 'Japan'),
    ('PHL', 'zh', '菲律宾'),
))
def test_name_with_de(iso3, language, expected):
    assert name_with_de(get_state(iso3), language) == expected


# the fullwidth comma, semicolon and letters written as escapes (ruff flags them as confusable in source)
@pytest.mark.parametrize('text', ('FRA, PHL', 'France; Philippines', '法国、菲律宾', '法国\uff0c菲律宾',
                                  'France\nPhilippines', 'فرنسا، الفلبين', '\uff26\uff32\uff21\uff1b\uff30\uff28\uff2c',
                                  'France, France, Philippines'))
def test_find_states_reads_lists_as_typed_in_each_language(text):
    assert find_states(text) == (['FRA', 'PHL'], [])


def test_find_states_names_what_is_no_state():
    assert find_states('France, Atlantis, ') == (['FRA'], ['Atlantis'])


def test_the_list_of_speakers_reads_the_same_lists():
    from indico_oewg.speakers.errors import SpeakersError
    from indico_oewg.speakers.util import parse_joining_states
    assert parse_joining_states('法国、菲律宾') == ['FRA', 'PHL']
    with pytest.raises(SpeakersError, match='Atlantis'):
        parse_joining_states('France, Atlantis')
