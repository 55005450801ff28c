"""Records from the package equal the CLI's; order and error records of batches."""

import datetime
import json

import pytest

import depeche
from conftest import REPO, news_lines, run_cli, without_source

SEEDS = "corpus/seeds.jsonl"


def seed_lines():
    return [l for l in (REPO / SEEDS).read_bytes().splitlines() if l.strip()]


def test_default_model_is_the_clis():
    assert depeche.DEFAULT_MODEL == "fr-open"


def test_seed_records_identical_to_the_cli(pipeline):
    want = run_cli(SEEDS)
    # Raw lines named like the CLI's input: identical records, `source` included.
    got = pipeline.extract_batch(seed_lines(), jsonl=True, source=SEEDS)
    assert got == want
    # Dicts, and one article at a time: identical but for `source`.
    dicts = [json.loads(l) for l in seed_lines()]
    assert pipeline.extract_batch(dicts) == [without_source(r) for r in want]
    for d, w in zip(dicts, want):
        assert pipeline.extract(d["text"], id=d["id"], date=d.get("date")) == without_source(w)


@pytest.mark.parametrize("name", ["corpus/sommet-ia-bilan.txt", "corpus/sommet-ia-ouverture.txt"])
def test_text_articles_identical_to_the_cli(pipeline, name):
    (want,) = run_cli(name)
    text = (REPO / name).read_text(encoding="utf-8")
    assert pipeline.extract(text, id=name) == without_source(want)
    assert pipeline.extract_batch([text])[0] == dict(without_source(want), id="0")


def test_300_news_articles_identical_to_the_cli(pipeline, tmp_path):
    lines = news_lines(300)
    if lines is None:
        pytest.skip("../shared/data/news not found (set DEPECHE_NEWS)")
    assert len(lines) == 300
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    want = run_cli(path)
    assert len(want) == 300
    assert pipeline.extract_batch(lines, jsonl=True, source=str(path)) == want
    dicts = [json.loads(l) for l in lines]
    assert pipeline.extract_batch(dicts) == [without_source(r) for r in want]
    # One at a time, for a sample.
    for d, w in list(zip(dicts, want))[::30]:
        assert pipeline.extract(d["text"], id=d["id"], date=d.get("date")) == without_source(w)


BAD_LINES = [
    b'{"id": "a", "text": ',  # malformed_json
    b"[1, 2]",  # not_an_object
    b"42",  # not_an_object
    b'{"id": "b"}',  # missing_text
    b'{"id": "c", "text": null}',  # text_not_string
    b'{"id": "d", "text": 3}',  # text_not_string
    b'{"id": "e", "text": ""}',  # empty_text
    b'{"id": "f", "text": "  \\n\\t "}',  # empty_text
    b'{"id": "g", "text": "caf\xe9"}',  # invalid_utf8
    b'{"id": "h", "text": "' + b"Le ministre a parl\xc3\xa9. " * 40 + b'"}',  # too_large
    b'{"text": "Sans identifiant.", "date": "hier"}',  # record with a date warning
    b'{"id": 17, "text": "Un id num\xc3\xa9rique."}',
]


def test_bad_lines_give_the_clis_error_records(tmp_path):
    pipeline = depeche.Pipeline(threads=2, max_bytes=500)
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(BAD_LINES) + b"\n")
    want = run_cli(path, "--max-bytes", "500")
    got = pipeline.extract_batch(BAD_LINES, jsonl=True, source=str(path))
    assert got == want
    kinds = [r["error"]["kind"] if "error" in r else None for r in got]
    assert kinds == [
        "malformed_json",
        "not_an_object",
        "not_an_object",
        "missing_text",
        "text_not_string",
        "text_not_string",
        "empty_text",
        "empty_text",
        "invalid_utf8",
        "too_large",
        None,
        None,
    ]
    assert got[10]["id"] == f"{path}:11" and got[10]["warnings"]
    assert got[11]["id"] == "17"
    assert set(k for k in kinds if k) <= set(depeche.ERROR_KINDS)


def test_bad_python_items_give_error_records(pipeline):
    items = [
        "Emmanuel Macron est à Paris.",
        {"id": "x", "text": ""},
        {"id": "y"},
        {"id": "z", "text": None},
        {"id": "w", "text": ["liste"]},
        42,
        None,
        "   ",
        {"text": "Sans identifiant."},
        {"id": "d", "text": "Le 3 mars, rien.", "date": datetime.date(2025, 2, 10)},
        "\ud800 surrogate",
    ]
    got = pipeline.extract_batch(items)
    assert len(got) == len(items)
    kinds = [r["error"]["kind"] if "error" in r else None for r in got]
    assert kinds == [
        None,
        "empty_text",
        "missing_text",
        "text_not_string",
        "text_not_string",
        "not_an_object",
        "not_an_object",
        "empty_text",
        None,
        None,
        "invalid_utf8",
    ]
    assert [r["id"] for r in got] == ["0", "x", "y", "z", "w", "5", "6", "7", "8", "d", "10"]
    assert got[9]["date"] == "2025-02-10" and got[9]["dates"][0]["value"] == "2025-03-03"
    assert all("source" not in r for r in got)


def test_extract_raises_with_the_clis_error_kinds():
    pipeline = depeche.Pipeline(threads=1, max_bytes=10)
    with pytest.raises(depeche.ArticleError) as e:
        pipeline.extract("   ", id="blank")
    assert e.value.kind == "empty_text" and e.value.id == "blank"
    assert e.value.record["error"]["kind"] == "empty_text"
    with pytest.raises(depeche.ArticleError) as e:
        pipeline.extract("Un texte de plus de dix octets.")
    assert e.value.kind == "too_large"
    assert isinstance(e.value, depeche.DepecheError)
    with pytest.raises(TypeError):
        pipeline.extract(None)


def test_bad_model_is_a_pipeline_error(tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"not a model")
    with pytest.raises(depeche.PipelineError, match="invalid NER model"):
        depeche.Pipeline(ner_model=str(bad))
    with pytest.raises(depeche.PipelineError, match="cannot read NER model"):
        depeche.Pipeline(ner_model=tmp_path / "missing.bin")


def test_named_models_load():
    full = depeche.Pipeline(ner_model="fr-full", threads=1)
    assert full.extract("Emmanuel Macron est à Paris.")["actors"]


def test_batch_keeps_input_order(pipeline):
    base = [json.loads(l) for l in seed_lines()]
    # Articles of very different sizes over several chunks (1024 items each), so that
    # workers finish out of order.
    items = []
    for i in range(2500):
        d = dict(base[i % len(base)])
        d["id"] = f"n{i}"
        if i % 7 == 0:
            d["text"] = d["text"][: 40 + i % 200]
        items.append(d)
    got = pipeline.extract_batch(iter(items))  # any iterable, consumed once
    assert [r["id"] for r in got] == [d["id"] for d in items]
    single = {d["id"]: pipeline.extract(d["text"], id=d["id"], date=d.get("date")) for d in items[:60]}
    assert got[:60] == [single[d["id"]] for d in items[:60]]
    assert pipeline.extract_batch([]) == []


def test_threads():
    assert depeche.Pipeline(threads=3).threads == 3
    assert depeche.Pipeline().threads >= 1


def test_dict_items_read_like_json_lines(pipeline):
    # The direct path for common dicts and the JSON path for the rest agree with the CLI's
    # reading of the same objects.
    text = "Le 3 mars, Emmanuel Macron a annoncé 2 milliards d'euros."
    cases = [
        {"id": "s", "text": text, "date": "2025-02-10"},
        {"id": 12, "text": text, "date": datetime.datetime(2025, 2, 10, 8, 30)},
        {"id": True, "text": text},
        {"id": 1.5, "text": text, "date": "  "},
        {"id": 2**70, "text": text},
        {"id": "n", "text": text, "date": "hier"},
        {"id": "i", "text": text, "date": 2025},
        {"id": "x", "text": text, "date": None, "extra": {"a": [1, 2]}},
    ]
    got = pipeline.extract_batch(cases)
    want = [
        without_source(r)
        for r in pipeline.extract_batch(
            [json.dumps(c, default=lambda d: d.isoformat()) for c in cases], jsonl=True
        )
    ]
    assert got == want
    assert [r["id"] for r in got[:4]] == ["s", "12", "true", "1.5"]
    assert got[5]["warnings"] and got[6]["warnings"]
    assert got[1]["date"] == "2025-02-10"
