//! The head of the minutes: letterhead, title, and the facts of the meeting
//! (kind, day and date, time, venue, chair, resource persons, notetaker, the
//! session it follows up, status), with the draft / anonymised / revised
//! remarks. Gathers them from the session and makes the document's [`Head`]
//! and footer. Must not number or lay out anything.

use crate::domain::Status;
use crate::export::doc::{Field, FieldValue, Head, Kop, Span};
use crate::export::model::{Builder, Minutes, Signer, signer};
use crate::i18n;

/// The head of the minutes.
#[derive(Debug, Clone)]
pub struct Header {
    /// Session id.
    pub session_id: String,
    /// The kop: the plan's `[letterhead]`, else the organizer as its one line.
    pub kop: Option<Kop>,
    /// Participants present.
    pub present: usize,
    /// Participants invited.
    pub invited: usize,
    /// Title.
    pub title: String,
    /// Kind of meeting, spelled out.
    pub kind: &'static str,
    /// "Senin, 23 November 2026": the day it ran, or the planned day
    /// marked "(rencana)" before the start.
    pub day_date: String,
    /// "09.00–11.30 WIB", or that it has not started.
    pub time: String,
    /// Venue.
    pub venue: Option<String>,
    /// Chair / facilitator.
    pub chair: Option<Signer>,
    /// Resource persons.
    pub resource_persons: Vec<String>,
    /// Notetaker.
    pub notetaker: Option<Signer>,
    /// The meeting this one follows up: "pertemuan ke-2, 2 November
    /// 2026", or its session id when its date is not known.
    pub follow_up_of: Option<String>,
    /// "ke-3 (seri obsesi)": its number in its series, for a meeting of a
    /// series (a follow-up, or a plan that names its `series`).
    pub meeting: Option<String>,
    /// Status, spelled out.
    pub status: &'static str,
    /// The session has not ended.
    pub draft: bool,
    /// Corrected after the end.
    pub revised: bool,
}

impl Builder<'_> {
    pub(in crate::export) fn header(&self) -> Header {
        let info = &self.s.info;
        let time = match self.s.started_at {
            Some(start) => i18n::time_range(start, self.s.ended_at, info.zone, self.lang()),
            None => self.l.not_started.to_owned(),
        };
        Header {
            session_id: info.id.clone(),
            kop: self.kop(),
            present: self.s.participants().filter(|p| p.present).count(),
            invited: self.s.participants().count(),
            title: info.title.clone(),
            kind: self.l.session_kind(info.kind),
            day_date: {
                let day = i18n::date_long(self.s.date(), self.lang());
                if self.s.date_is_planned() {
                    self.l.planned(&day)
                } else {
                    day
                }
            },
            time,
            venue: info.venue.clone(),
            chair: signer(info.facilitator.as_ref()),
            resource_persons: info.resource_persons.clone(),
            notetaker: signer(info.notetaker.as_ref()),
            follow_up_of: info.follow_up_of.as_ref().map(|id| {
                info.follow_up_date.map_or_else(
                    || id.clone(),
                    |d| {
                        i18n::series::meeting_of(
                            self.lang(),
                            info.meeting_number().saturating_sub(1),
                            d,
                        )
                    },
                )
            }),
            meeting: self.meeting(),
            status: self.l.session_status(self.s.status),
            draft: self.s.status != Status::Ended,
            revised: self.s.revised,
        }
    }
}

impl Builder<'_> {
    /// "ke-3 (seri obsesi)", for a meeting of a series.
    fn meeting(&self) -> Option<String> {
        let info = &self.s.info;
        let w = i18n::series::words(self.lang());
        match &info.series {
            Some(s) => Some(i18n::fill(
                w.meeting_value_series,
                &[&info.meeting_number(), s],
            )),
            None if info.meeting > 1 => Some(i18n::fill(w.meeting_value, &[&info.meeting])),
            None => None,
        }
    }

    fn kop(&self) -> Option<Kop> {
        let info = &self.s.info;
        let Some(k) = &info.letterhead else {
            return info.organizer.as_ref().map(|o| Kop {
                emblem: None,
                lines: vec![o.clone()],
                contacts: vec![],
            });
        };
        let l = self.l;
        let mut contacts: Vec<String> = k.address.iter().cloned().collect();
        let reach: Vec<String> = [
            (l.phone, &k.phone),
            (l.email, &k.email),
            (l.website, &k.website),
        ]
        .into_iter()
        .filter_map(|(label, v)| v.as_ref().map(|v| format!("{label} {v}")))
        .collect();
        if !reach.is_empty() {
            contacts.push(reach.join(" · "));
        }
        let lines = if k.lines.is_empty() {
            info.organizer.iter().cloned().collect()
        } else {
            k.lines.clone()
        };
        Some(Kop {
            emblem: k.emblem.clone().filter(crate::domain::Emblem::is_valid),
            lines,
            contacts,
        })
    }
}

/// A signer as "Name (NIP 1970…)", or the name alone.
fn signer_value(p: &Signer, nip: &'static str) -> FieldValue {
    let mut spans = vec![Span::Text(p.name.clone())];
    if let Some(n) = &p.nip {
        spans.extend([
            Span::word(format!(" ({nip} ")),
            Span::Plain(n.clone()),
            Span::word(")"),
        ]);
    }
    FieldValue::Line(spans)
}

/// The head of the document.
pub fn head(m: &Minutes) -> Head {
    let (l, h) = (m.labels, &m.header);
    let word = |s: &str| FieldValue::Line(vec![Span::word(s)]);
    let text = |s: &str| FieldValue::Line(vec![Span::Text(s.to_owned())]);
    let mut fields = vec![(l.kind, word(h.kind))];
    if let Some(n) = &h.meeting {
        fields.push((i18n::series::words(l.lang).meeting_label, word(n)));
    }
    fields.extend([(l.day_date, word(&h.day_date)), (l.time, word(&h.time))]);
    if let Some(v) = &h.venue {
        fields.push((l.venue, text(v)));
    }
    if let Some(p) = &h.chair {
        fields.push((l.chair, signer_value(p, l.nip)));
    }
    if !h.resource_persons.is_empty() {
        fields.push((
            l.resource_persons,
            FieldValue::List(h.resource_persons.clone()),
        ));
    }
    if let Some(p) = &h.notetaker {
        fields.push((l.notetaker, signer_value(p, l.nip)));
    }
    if h.invited > 0 {
        fields.push((
            l.attendees,
            word(&l.present_absent(h.present, h.invited - h.present)),
        ));
    }
    if let Some(prev) = &h.follow_up_of {
        fields.push((l.follow_up_of, text(prev)));
    }
    if h.draft {
        fields.push((l.status, word(h.status)));
    }
    Head {
        lang: l.lang,
        doc_title: l.doc_title,
        title: h.title.clone(),
        kop: h.kop.clone(),
        paper: m.paper,
        made_at: m.made_at,
        page_of: (l.page, l.page_of),
        fields: fields
            .into_iter()
            .map(|(label, value)| Field { label, value })
            .collect(),
        remarks: [
            (h.draft, l.draft_note),
            (m.anonymized, l.anonymized_note),
            (h.revised, l.revised_note),
            (m.internal, l.internal_note),
        ]
        .into_iter()
        .filter_map(|(on, note)| on.then_some(note))
        .collect(),
        banner: m.internal.then_some(l.internal_banner),
    }
}

/// The document's last line: what made it, and the session id.
pub fn footer(m: &Minutes) -> Vec<Span> {
    vec![
        Span::word(format!("{} · ", m.labels.made_with)),
        Span::Plain(m.header.session_id.clone()),
    ]
}
