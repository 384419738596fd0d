//! The minutes' sections as data: the one list of sections ([`Kind::ALL`],
//! in the minutes' order), what each is called and holds (one file per
//! section, gathering its facts from the session into [`Minutes`] and making
//! its blocks), and the numbering, done here once from the sections present.
//!
//! Must not escape or lay out anything (the renderers' job) nor read the
//! clock or the store.

pub mod actions;
pub mod agenda;
pub mod attendance;
pub mod berita_acara;
pub mod closing;
pub mod deferred;
pub mod discussion;
pub mod guide_questions;
pub mod header;
pub mod ideas;
pub mod item_body;
pub mod jp;
pub mod mindsets;
pub mod participants;
pub mod participation;
pub mod review;
pub mod scores;
pub mod sign_off;
pub mod statements;

use crate::domain::SessionKind;
use crate::i18n::{self, minutes::Labels};

use super::doc::{Block, Document, Section, Span};
use super::model::Minutes;

/// Every section of the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Present and invited.
    Participants,
    /// Agenda planned vs actual.
    Agenda,
    /// The review of the actions carried from the meeting before.
    Review,
    /// Discussion per agenda item.
    Discussion,
    /// Mindset changes.
    Mindsets,
    /// Conclusions.
    Conclusions,
    /// Decisions / agreements.
    Decisions,
    /// The jury's results (Hasil Penilaian).
    Scores,
    /// A bimtek's lesson hours (JP) per resource person.
    Jp,
    /// The innovation lab's ideas and their rencana aksi per team.
    Ideas,
    /// Follow-up actions.
    Actions,
    /// Items deferred to a later session.
    Deferred,
    /// Talk time and turns.
    Participation,
    /// Closing lines.
    Closing,
    /// Signatures.
    SignOff,
    /// The attendance sheet.
    Attendance,
    /// The guide questions of the agenda.
    GuideQuestions,
    /// The jury's signed record (Berita Acara Penilaian).
    BeritaAcara,
}

impl Kind {
    /// The sections in the minutes' order: the participants (internal
    /// minutes only: the shared ones list them once, in the daftar hadir),
    /// the body, the registers, the closing and the sign-off, then the
    /// appendices (lampiran).
    pub const ALL: [Kind; 18] = [
        Kind::Participants,
        Kind::Agenda,
        Kind::Review,
        Kind::Discussion,
        Kind::Mindsets,
        Kind::Conclusions,
        Kind::Decisions,
        Kind::Scores,
        Kind::Jp,
        Kind::Ideas,
        Kind::Actions,
        Kind::Deferred,
        Kind::Closing,
        Kind::SignOff,
        Kind::Attendance,
        Kind::Participation,
        Kind::GuideQuestions,
        Kind::BeritaAcara,
    ];

    /// Its anchor, its title, whether it starts a page and whether it is
    /// an appendix (lampiran).
    fn frame(self, l: &Labels) -> (&'static str, &'static str, bool, bool) {
        match self {
            Kind::Participants => ("participants", l.participants, false, false),
            Kind::Agenda => ("agenda", l.agenda, false, false),
            Kind::Review => (
                "review",
                i18n::series::words(l.lang).review_title,
                false,
                false,
            ),
            Kind::Discussion => ("discussion", l.discussion, false, false),
            Kind::Mindsets => ("mindsets", l.mindsets, false, false),
            Kind::Conclusions => ("conclusions", l.conclusions, false, false),
            Kind::Decisions => ("decisions", l.decisions, false, false),
            Kind::Scores => ("scores", i18n::jury::words(l.lang).scores, false, false),
            Kind::Jp => ("jp", i18n::jury::words(l.lang).jp, false, false),
            Kind::Ideas => ("ideas", i18n::jury::words(l.lang).ideas, false, false),
            Kind::Actions => ("actions", l.actions, false, false),
            Kind::Deferred => ("deferred", l.deferred, false, false),
            Kind::Closing => ("closing", l.closing, false, false),
            Kind::SignOff => ("sign-off", l.sign_off, false, false),
            Kind::Attendance => ("attendance", l.attendance, true, true),
            Kind::Participation => ("participation", l.participation, true, true),
            Kind::GuideQuestions => ("guide-questions", l.guide_questions, false, true),
            Kind::BeritaAcara => (
                "berita-acara",
                i18n::jury::words(l.lang).berita_acara,
                true,
                true,
            ),
        }
    }

    /// What it holds.
    fn blocks(self, m: &Minutes) -> Vec<Block> {
        match self {
            Kind::Participants => participants::blocks(m),
            Kind::Agenda => agenda::blocks(m),
            Kind::Review => review::blocks(m),
            Kind::Discussion => discussion::blocks(m),
            Kind::Mindsets => mindsets::blocks(m),
            Kind::Conclusions => statements::blocks(m.labels, &m.conclusions),
            Kind::Decisions => statements::blocks(m.labels, &m.decisions),
            Kind::Scores => scores::blocks(m),
            Kind::Jp => jp::blocks(m),
            Kind::Ideas => ideas::blocks(m),
            Kind::Actions => actions::blocks(m),
            Kind::Deferred => deferred::blocks(m),
            Kind::Participation => participation::blocks(m),
            Kind::Closing => closing::blocks(m),
            Kind::SignOff => sign_off::blocks(m),
            Kind::Attendance => attendance::blocks(m),
            Kind::GuideQuestions => guide_questions::blocks(m),
            Kind::BeritaAcara => berita_acara::blocks(m),
        }
    }

    /// Whether these minutes have it: talk time and turns only where
    /// [`Minutes::participation_shown`], the guide questions where
    /// [`Minutes::guide_questions_shown`]; the participants table and the
    /// mindset register only in the internal minutes (the shared ones list
    /// the participants once, in the daftar hadir, and each shift under its
    /// item); deferred items only when there are some.
    fn shown(self, m: &Minutes) -> bool {
        match self {
            // Talk time means nothing where presenters and jurors speak in
            // fixed slots.
            Kind::Participation => m.participation_shown && m.kind != SessionKind::Kbk,
            Kind::GuideQuestions => guide_questions::shown(m),
            Kind::Participants => m.internal,
            // An empty mindset register only takes space in a jury session.
            Kind::Mindsets => m.internal && !(m.scores.is_some() && m.mindsets.is_empty()),
            Kind::Review => review::shown(m),
            Kind::Scores => m.scores.is_some(),
            Kind::BeritaAcara => m.scores.as_ref().is_some_and(|r| r.announced),
            Kind::Jp => m.jp.is_some(),
            Kind::Ideas => m.ideas.is_some(),
            Kind::Deferred => !m.deferred.is_empty(),
            Kind::Agenda
            | Kind::Discussion
            | Kind::Conclusions
            | Kind::Decisions
            | Kind::Actions
            | Kind::Closing
            | Kind::SignOff
            | Kind::Attendance => true,
        }
    }

    fn section(self, m: &Minutes) -> Section {
        let (id, title, new_page, appendix) = self.frame(m.labels);
        Section {
            id,
            prefix: appendix.then_some(m.labels.appendix),
            number: None,
            title,
            new_page,
            blocks: self.blocks(m),
        }
    }
}

/// The minutes as a numbered document.
pub fn document(m: &Minutes) -> Document {
    let mut sections: Vec<Section> = Kind::ALL
        .iter()
        .filter(|k| k.shown(m))
        .map(|k| k.section(m))
        .collect();
    number(&mut sections);
    Document {
        head: header::head(m),
        sections,
        footer: header::footer(m),
    }
}

/// Numbers the sections 1, 2, 3 … in order (the appendices apart, 1, 2 …
/// after their prefix), and each subheading that has a number inside its
/// section as "section.local.".
pub fn number(sections: &mut [Section]) {
    fn sub(blocks: &mut [Block], section: u32) {
        for b in blocks {
            match b {
                Block::Heading {
                    local: Some(local),
                    number,
                    ..
                } => *number = Some(format!("{section}.{local}.")),
                Block::Group { blocks, .. } => sub(blocks, section),
                Block::Heading { local: None, .. }
                | Block::Paragraph { .. }
                | Block::Table(_)
                | Block::List(_)
                | Block::Chart(_)
                | Block::SignOff(_)
                | Block::SheetHead(_) => {}
            }
        }
    }
    let (mut main, mut appendix) = (0, 0);
    for s in sections.iter_mut() {
        let n = if s.prefix.is_some() {
            appendix += 1;
            appendix
        } else {
            main += 1;
            main
        };
        s.number = Some(n);
        if s.prefix.is_none() {
            sub(&mut s.blocks, n);
        }
    }
}

/// The "revised" marker for a part of the header changed after the end.
pub(in crate::export) fn revised(l: &Labels, revised: bool) -> Option<Span> {
    revised.then(|| Span::Revised(l.revised.to_owned()))
}

/// The dated "revised" marker of a record corrected after the end.
pub(in crate::export) fn revised_at(mark: Option<&String>) -> Option<Span> {
    mark.map(|m| Span::Revised(m.clone()))
}
