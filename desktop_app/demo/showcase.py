"""The demo archive's casework: training courses with attended sessions, objections and credit
repair applications in every state, so each page of the demo has something to show.

Written through the public services as the demo's administrator (validation, permissions, change
log, audit, deadlines), one user action at a time, the way a clerk would have entered it. Seeded:
the same archive and day give the same casework.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from sqlalchemy import select

from desktop_app.domain.enums import Polarity, RecordState
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDecision, ObjectionDraft, RecordCorrection
from desktop_app.services.repair import RepairDraft
from desktop_app.services.training_rows import AttendanceEntry, AttendanceUpdate, CourseDraft, SessionDraft
from desktop_app.store.models import IntegrityRecord, Person

COURSES = (
    CourseDraft("廉洁从政专题培训", "integrity", "concentrated", 16, 2, "市纪委监委"),
    CourseDraft("《中华人民共和国公务员法》网络学习", "law", "online", 8, 0, "市委组织部"),
    CourseDraft("政务诚信建设研讨班", "integrity", "full_time", 24, 3, "省委党校"),
)
ATTENDEES_PER_SESSION = 40


@dataclass(frozen=True, slots=True)
class Concerned:
    """A record an objection or a repair application is about."""

    id: uuid.UUID
    decided_on: date
    facts: str


@dataclass(frozen=True, slots=True)
class ShowcaseSummary:
    courses: int
    sessions: int
    attendances: int
    objections: int
    repairs: int


def add_showcase(services: Services, *, seed: int = 2017) -> ShowcaseSummary:
    """Adds the casework to a demo archive that has persons and records (``DemoService.load``)."""
    rng = Random(seed)
    today = services.ctx.today()
    sessions, attendances = _training(services, rng, today)
    dishonest = _dishonest_records(services)
    rng.shuffle(dishonest)
    objections = _objections(services, dishonest[:8], today)
    repairs = _repairs(services, dishonest[8:], today)
    return ShowcaseSummary(len(COURSES), sessions, attendances, objections, repairs)


# -- training ---------------------------------------------------------------------------------------

def _training(services: Services, rng: Random, today: date) -> tuple[int, int]:
    """Two past sessions per course (marked: most passed, some leave, a few failed) and one coming."""
    people = _person_ids(services)
    sessions = attendances = 0
    for index, draft in enumerate(COURSES):
        course = services.training.add_course(draft)
        length = max(int(draft.days), 1) - 1
        starts = (today - timedelta(days=300 - 90 * index), today - timedelta(days=40 + 20 * index),
                  today + timedelta(days=21 + 7 * index))
        for number, start in enumerate(starts):
            run = services.training.add_session(course.id, SessionDraft(
                start, start + timedelta(days=length), place=("市行政学院", "线上", "省委党校")[index],
                trainer=("李明", "王芳", "陈国强")[number]))
            rows = services.training.add_attendees(run.id, rng.sample(people, min(len(people), ATTENDEES_PER_SESSION)))
            if start < today:
                services.training.mark([AttendanceUpdate(r.id, r.version, _marks(rng, draft)) for r in rows])
            sessions += 1
            attendances += len(rows)
    return sessions, attendances


def _marks(rng: Random, course: CourseDraft) -> AttendanceEntry:
    roll = rng.random()
    if roll < 0.08:
        return AttendanceEntry(result="failed", hours_earned=0, days_earned=0)
    leave = float(rng.choice((1, 2, 4))) if roll < 0.25 else 0.0  # over 1/7 of the course fails it
    return AttendanceEntry(leave_hours=leave, hours_earned=float(course.hours) - leave, result="passed")


# -- objections and repairs -------------------------------------------------------------------------

def _objections(services: Services, records: list[Concerned], today: date) -> int:
    """One objection in each state and with each outcome, some of them past their deadline."""
    steps = (("registered", 2), ("registered", 30), ("accepted", 12), ("verifying", 25), ("refused", 60),
             ("upheld", 90), ("corrected", 120), ("revoked", 150))
    made = 0
    for record, (end, days_ago) in zip(records, steps, strict=False):
        received = max(record.decided_on, today - timedelta(days=days_ago))
        row = services.objections.file(record.id, ObjectionDraft(
            "本人", "认为记录所列事实与实际情况不符，申请核查更正。", received_on=received,
            evidence=(_evidence("情况说明.txt", "关于记录事实的情况说明（演示材料）"),)))
        later = _between(received, today)
        if end == "refused":
            services.objections.refuse(row.id, reply="所提异议不属于本记录登记事项，不予受理。", on=later)
        elif end != "registered":
            services.objections.accept(row.id, on=later)
            if end == "verifying":
                services.objections.start_verification(row.id, on=_between(later, today))
            elif end != "accepted":
                services.objections.decide(row.id, _decision(end, record, _between(later, today)))
        made += 1
    return made


def _decision(outcome: str, record: Concerned, on: date) -> ObjectionDecision:
    if outcome == "corrected":
        return ObjectionDecision("更正", "经核查，原记录的事实描述有误，已予更正。", on=on,
                                 correction=RecordCorrection(facts=f"{record.facts}（经异议核查更正）"))
    if outcome == "revoked":
        return ObjectionDecision("撤销", "经核查，原处理决定已被依法撤销，本记录予以撤销。", on=on)
    return ObjectionDecision("维持", "经核查，原记录事实清楚、依据充分，予以维持。", on=on,
                             findings="提供单位复核确认原决定文书与记录一致。")


def _repairs(services: Services, records: list[Concerned], today: date) -> int:
    """Applications for records that may be repaired now: submitted, accepted, granted, denied, refused."""
    ends = ("submitted", "accepted", "granted", "denied", "refused")
    made = 0
    for record in records:
        if made == len(ends):
            break
        if not services.repair.eligibility(record.id).possible:
            continue
        applied = today - timedelta(days=3 + 10 * made)
        if not services.repair.eligibility(record.id, on=applied).possible:
            applied = today
        row = services.repair.apply(record.id, RepairDraft(
            "本人", obligations_met=True, applied_on=applied, statement="已履行处罚决定规定的全部义务，申请信用修复。",
            proof=(_evidence("缴款凭证.txt", "罚款缴纳凭证（演示材料）"),),
            commitment=(_evidence("信用修复承诺书.txt", "本人承诺所提交材料真实有效（演示材料）"),)))
        end = ends[made]
        later = _between(applied, today)
        if end == "refused":
            services.repair.refuse(row.id, reason="申请材料不齐全，请补齐后重新申请。", on=later)
        elif end != "submitted":
            services.repair.accept(row.id, on=later)
            if end == "granted":
                services.repair.decide(row.id, outcome="grant", reason="已履行义务并作出承诺，准予修复。",
                                       on=_between(later, today))
            elif end == "denied":
                services.repair.decide(row.id, outcome="deny", reason="公示期内再次发生失信行为，不予修复。",
                                       on=_between(later, today))
        made += 1
    return made


# -- reading the archive ----------------------------------------------------------------------------

def _person_ids(services: Services) -> list[uuid.UUID]:
    with services.ctx.read() as s:
        return list(s.scalars(select(Person.id).order_by(Person.id_number)))


def _dishonest_records(services: Services) -> list[Concerned]:
    """Records in effect that an objection or a repair could concern, in a stable order."""
    r = IntegrityRecord
    with services.ctx.read() as s:
        return [Concerned(*row) for row in s.execute(
            select(r.id, r.decided_on, r.facts)
            .where(r.polarity == Polarity.DISHONEST.value, r.state == RecordState.ACTIVE.value,
                   r.under_objection.is_(False))
            .order_by(r.document_no, r.id))]


def _between(start: date, end: date) -> date:
    """A day a third of the way from ``start`` to ``end``: after the step before, never after today."""
    return start + timedelta(days=(end - start).days // 3) if end > start else end


def _evidence(name: str, text: str) -> EvidenceFile:
    return EvidenceFile(name, text.encode("utf-8"))
