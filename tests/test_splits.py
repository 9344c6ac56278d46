"""The task splits and OpenEnv's task API over them: in-process, over HTTP and over WebSocket."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from caseops import splits
from caseops.client import CaseOpsEnv
from caseops.environment import CaseOpsEnvironment
from caseops.errors import InvalidRequestError
from caseops.evaluation import split_task_ids
from caseops.scenarios import TASK_IDS, generator
from caseops.scenarios.generator import HELD_OUT_FAMILIES, SPLIT_FAMILIES, TEST_SEEDS, TRAIN_SEEDS

# ---- the splits ----


def test_each_split_name_has_one_meaning() -> None:
    # SPLITS is every split a client can ask for; the generator's own three are GENERATED_SPLITS.
    assert splits.SPLITS == ("authored", *generator.GENERATED_SPLITS) == ("authored", "train", "test", "heldout")
    assert not hasattr(generator, "SPLITS")
    assert set(splits.SPLIT_TYPES) == set(splits.SPLITS)
    for split in generator.GENERATED_SPLITS:
        assert splits.task_ids(split, 5, 7) == generator.generated_task_ids(split, 5, 7)


def test_sizes_are_the_generator_ranges() -> None:
    assert splits.size("authored") == len(TASK_IDS)
    assert splits.size("train") == len(SPLIT_FAMILIES) * len(TRAIN_SEEDS)
    assert splits.size("test") == len(SPLIT_FAMILIES) * len(TEST_SEEDS)
    assert splits.size("heldout") == len(HELD_OUT_FAMILIES) * len(TEST_SEEDS)


@pytest.mark.parametrize("split", splits.SPLITS)
def test_position_names_the_same_task_as_the_evaluation(split: str) -> None:
    ids = split_task_ids(split, 20, 3) if split != "authored" else split_task_ids(split, None, 3)
    assert [splits.task_id_at(split, 3 + i) for i in range(len(ids))] == ids


def test_last_position_exists_and_the_next_does_not() -> None:
    last = splits.size("heldout") - 1
    assert splits.task_id_at("heldout", last).startswith("gen/")
    with pytest.raises(IndexError):
        splits.task_id_at("heldout", last + 1)
    with pytest.raises(IndexError):
        splits.task_id_at("authored", -1)


@pytest.mark.parametrize("bad", ["nope", "", None, 3, "Train"])
def test_unknown_split_is_a_clear_error(bad) -> None:
    with pytest.raises(InvalidRequestError, match="split"):
        splits.size(bad)


def test_spec_tells_how_to_choose_and_nothing_of_the_gold() -> None:
    spec = splits.spec("test", 4)
    assert set(spec) == {"id", "index", "split", "difficulty", "objective", "max_steps", "cases"}
    assert spec["index"] == 4 and spec["split"] == "test" and spec["cases"] == 1
    queue = splits.spec("authored", TASK_IDS.index("executive_escalations_hard"))
    assert queue["cases"] == 4


def test_ranges_follow_slice_semantics_and_are_bounded() -> None:
    assert [s["id"] for s in splits.spec_range("authored", -2)] == list(TASK_IDS[-2:])
    assert splits.spec_range("authored", 5, 2) == []
    assert len(splits.listing("train")) == splits.MAX_LISTED
    with pytest.raises(InvalidRequestError, match="at most"):
        splits.spec_range("train", 0, splits.MAX_LISTED + 1)


# ---- the environment's task API and reset by position ----


def test_reset_by_split_and_index(env: CaseOpsEnvironment) -> None:
    observation = env.reset(split="heldout", index=7)
    assert observation.task_id == splits.task_id_at("heldout", 7)
    assert env.reset(split="authored", index=1).task_id == TASK_IDS[1]


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"split": "test"}, "index"),
        ({"index": 2}, "split"),
        ({"split": "nope", "index": 0}, "split"),
        ({"split": "test", "index": "2"}, "index"),
        ({"split": "test", "index": 10**9}, "index"),
        ({"split": "test", "index": 0, "task_id": "billing_refund_easy"}, "task_id"),
    ],
)
def test_bad_reset_by_position_names_the_field_and_keeps_the_episode(env, kwargs, field) -> None:
    before = env.reset(task_id="billing_refund_easy")
    with pytest.raises(InvalidRequestError, match=field):
        env.reset(**kwargs)
    assert env.state.episode_id == before.episode_id


def test_a_fresh_instance_answers_the_task_api() -> None:
    env = CaseOpsEnvironment()
    assert [s["name"] for s in env.list_splits()] == list(splits.SPLITS)
    assert env.num_tasks("test") == splits.size("test")
    assert env.get_task("authored", 0)["id"] == TASK_IDS[0]
    assert [t["id"] for t in env.list_tasks("authored")] == list(TASK_IDS)
    assert len(env.get_task_range("train", 10, 13)) == 3
    assert env.state.episode_id is None  # discovery started nothing


# ---- over the wire ----


def test_http_task_routes(app_client: TestClient) -> None:
    assert app_client.get("/caseops/splits").json() == splits.descriptors()
    assert app_client.post("/caseops/num_tasks", json={"split": "heldout"}).json() == {
        "num_tasks": splits.size("heldout")
    }
    task = app_client.post("/caseops/task", json={"split": "test", "index": 9}).json()["task"]
    assert task == splits.spec("test", 9)
    ranged = app_client.post("/caseops/task_range", json={"split": "authored", "start": 1, "stop": 3}).json()
    assert [t["id"] for t in ranged["tasks"]] == list(TASK_IDS[1:3])
    listed = app_client.post("/caseops/tasks", json={"split": "authored"}).json()
    assert [t["id"] for t in listed["tasks"]] == list(TASK_IDS)


def test_http_task_routes_refuse_clearly(app_client: TestClient) -> None:
    unknown = app_client.post("/caseops/num_tasks", json={"split": "nope"})
    assert unknown.status_code == 422 and "split" in unknown.json()["detail"]
    outside = app_client.post("/caseops/task", json={"split": "test", "index": 10**9})
    assert outside.status_code == 400  # openenv's answer to IndexError
    huge = app_client.post("/caseops/task_range", json={"split": "train", "start": 0, "stop": 10**6})
    assert huge.status_code == 422 and "at most" in huge.json()["detail"]
    assert app_client.get("/other_env/splits").status_code == 404


def test_http_reset_by_position(app_client: TestClient) -> None:
    reply = app_client.post("/reset", json={"split": "train", "index": 14})
    assert reply.status_code == 200
    assert reply.json()["observation"]["task_id"] == splits.task_id_at("train", 14)
    refused = app_client.post("/reset", json={"split": "train"})
    assert refused.status_code == 422 and "index" in refused.json()["detail"]


def test_websocket_reset_by_position(live_url: str) -> None:
    with CaseOpsEnv(base_url=live_url).sync() as client:
        result = client.reset(split="heldout", index=2)
        assert result.observation.task_id == splits.task_id_at("heldout", 2)
        with pytest.raises(RuntimeError, match="index"):
            client.reset(split="heldout", index=-1)
        assert client.state().episode_id == result.observation.episode_id  # the episode goes on
