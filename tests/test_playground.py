"""The playground as a person uses it: a real server, headless Chromium, two separate browsers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from caseops import grading
from caseops.playground import build_action, describe_validation
from caseops.scenarios import get_scenario
from tests.servers import running_server

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).parent / "artifacts" / "playground.png"


def test_build_action_keeps_only_the_operations_fields():
    action = build_action(
        "classify", {"queue": "billing_ops", "priority": "high", "issue_type": "duplicate_charge", "reply": "stray"}
    )
    assert action.reply is None and action.queue == "billing_ops"
    assert build_action("wait", {"reply": "ignored"}).model_dump(
        exclude_none=True, exclude={"metadata", "requested_fields"}
    ) == {"operation": "wait"}


def test_validation_errors_name_the_field():
    with pytest.raises(ValidationError) as caught:
        build_action("draft_reply", {"reply": "x" * 5000})
    assert describe_validation(caught.value).startswith("reply:")


@pytest.fixture(scope="module")
def web_url():
    with running_server(ENABLE_WEB_INTERFACE="true") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def choose(page, elem_id: str, value: str) -> None:
    page.locator(f"#{elem_id} input").click()
    page.get_by_role("option", name=value, exact=True).click()


def open_case(page, url: str, task_id: str) -> None:
    page.goto(f"{url}/web/")
    page.wait_for_selector("#caseops-reset")
    choose(page, "caseops-task", task_id)
    page.locator("#caseops-reset").click()
    page.wait_for_selector("#caseops-live-diagram svg")


def status_text(page) -> str:
    return page.locator("#caseops-status").inner_text()


def highlighted_states(page) -> set[str]:
    """The names of the diagram nodes drawn with the highlight fill."""
    return set(
        page.locator("#caseops-live-diagram g.node").evaluate_all(
            'nodes => nodes.filter(n => n.querySelector(\'path[fill="darksalmon"], polygon[fill="darksalmon"]\'))'
            ".map(n => n.querySelector('title').textContent)"
        )
    )


def test_classifying_moves_the_highlight_and_the_score(web_url: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_case(page, web_url, "account_takeover_medium")
    assert "Stage: classifying" in status_text(page) and "Score: 0.01" in status_text(page)
    assert highlighted_states(page) == {"classifying", "none"}

    choose(page, "caseops-queue", "trust_and_safety")
    choose(page, "caseops-priority", "urgent")
    choose(page, "caseops-issue-type", "account_compromise")
    page.locator("#caseops-step").click()
    page.wait_for_function("document.querySelector('#caseops-status').innerText.includes('Stage: drafting')")

    assert highlighted_states(page) == {"drafting", "none"}
    score = float(re.search(r"Score: ([0-9.]+)", status_text(page)).group(1))
    assert score >= grading.WEIGHTS["routing"]  # the routing is right: its whole weight
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    page.close()


def test_bad_input_shows_an_error_next_to_the_form_and_the_page_keeps_working(web_url: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_case(page, web_url, "billing_refund_easy")
    choose(page, "caseops-operation", "wait")  # not allowed while classifying
    page.locator("#caseops-step").click()
    page.wait_for_function("document.querySelector('#caseops-error').innerText.includes('not allowed')")
    assert "Stage: classifying" in status_text(page)

    choose(page, "caseops-operation", "draft_reply")
    page.locator("#caseops-reply textarea").fill("x" * 4100)  # over the limit: refused before the environment
    page.locator("#caseops-step").click()
    page.wait_for_function("document.querySelector('#caseops-error').innerText.includes('reply:')")

    choose(page, "caseops-operation", "classify")
    choose(page, "caseops-queue", "billing_ops")
    choose(page, "caseops-priority", "high")
    choose(page, "caseops-issue-type", "duplicate_charge")
    page.locator("#caseops-step").click()
    page.wait_for_function("document.querySelector('#caseops-status').innerText.includes('Stage: drafting')")
    assert page.locator("#caseops-error").inner_text().strip() == ""
    page.close()


def test_two_browsers_work_separate_episodes(web_url: str, browser) -> None:
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1800}) for _ in range(2)]
    page_a, page_b = (context.new_page() for context in contexts)
    open_case(page_a, web_url, "api_incident_hard")
    open_case(page_b, web_url, "api_incident_hard")

    choose(page_a, "caseops-queue", "platform_engineering")
    choose(page_a, "caseops-priority", "urgent")
    choose(page_a, "caseops-issue-type", "production_incident")
    page_a.locator("#caseops-step").click()
    page_a.wait_for_function("document.querySelector('#caseops-status').innerText.includes('Stage: drafting')")

    # B's episode is still at its start: the server refuses `wait` in B's classifying stage.
    choose(page_b, "caseops-operation", "wait")
    page_b.locator("#caseops-step").click()
    page_b.wait_for_function("document.querySelector('#caseops-error').innerText.includes(\"stage 'classifying'\")")
    assert "Stage: classifying" in status_text(page_b)
    assert "Stage: drafting" in status_text(page_a)
    for context in contexts:
        context.close()


def test_inspecting_a_record_and_the_queue_show_on_the_page(web_url: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    open_case(page, web_url, "inbox_cleanup_easy")
    assert "Case 1 of 2" in status_text(page)
    open_case(page, web_url, "damaged_delivery_easy")
    assert "Case 1 of 1" in status_text(page)
    choose(page, "caseops-operation", "inspect_artifact")
    artifact_id = get_scenario("damaged_delivery_easy").artifacts[0].id
    choose(page, "caseops-artifact", artifact_id)
    page.locator("#caseops-step").click()
    page.wait_for_function("document.querySelector('#caseops-evidence').innerText.includes('Last tool result')")
    assert artifact_id in page.locator("#caseops-evidence").inner_text()
    assert "Stage: classifying" in status_text(page)  # investigating leaves the stage where it is
    page.close()
