//! The scores sheet of `actions.xlsx` in a jury session: the ranking (rank,
//! code, presenter, unit, each criterion's mean, the total) and below it
//! every juror's scores of every presenter with their weighted total, as
//! real numbers a spreadsheet can sum. Written only once the scores are
//! announced, as the minutes show them. Must not touch the store or the
//! terminal.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::domain::{Language, Session, Total};
use crate::i18n::jury;

/// A figure in hundredths as a number.
fn number(t: Total) -> f64 {
    // Totals are at most 100 000 hundredths: exact in an f64.
    #[expect(clippy::cast_precision_loss, reason = "small integers")]
    let x = t as f64 / 100.0;
    x
}

/// Adds the sheet "Penilaian" / "Scores" to `workbook` when `session` is a
/// jury session whose scores were announced; otherwise adds nothing.
pub fn write_scores_sheet(
    workbook: &mut Workbook,
    session: &Session,
    lang: Language,
) -> Result<(), XlsxError> {
    if !session.is_jury() || !session.scores_announced() {
        return Ok(());
    }
    let w = jury::words(lang);
    let jury = &session.info.jury;
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(match lang {
        Language::Id => "Penilaian",
        Language::En => "Scores",
    })?;
    let crits = u16::try_from(jury.criteria.len()).unwrap_or(u16::MAX - 8);
    for (col, label) in [w.rank, "Kode/Code", w.presenter, w.unit]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *label, &bold)?;
    }
    for (i, c) in (4u16..).zip(&jury.criteria) {
        sheet.write_string_with_format(0, i, &c.name, &bold)?;
    }
    sheet.write_string_with_format(0, 4 + crits, w.total, &bold)?;
    let standings = session.standings();
    let mut row = 1u32;
    for st in &standings {
        let p = session.participant(&st.presenter);
        sheet.write_number(row, 0, f64::from(st.rank))?;
        sheet.write_string(row, 1, &st.presenter)?;
        sheet.write_string(row, 2, p.map_or(st.presenter.as_str(), |p| p.name.as_str()))?;
        sheet.write_string(row, 3, p.and_then(|p| p.unit.as_deref()).unwrap_or(""))?;
        for (i, mean) in (4u16..).zip(&st.criteria) {
            sheet.write_number(row, i, number(*mean))?;
        }
        sheet.write_number(row, 4 + crits, number(st.total))?;
        row += 1;
    }
    // Every juror's scores, below a blank row.
    row += 1;
    for (col, label) in [w.presenter, w.juror].iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(col).unwrap_or(0), *label, &bold)?;
    }
    for (i, c) in (2u16..).zip(&jury.criteria) {
        sheet.write_string_with_format(row, i, &c.name, &bold)?;
    }
    sheet.write_string_with_format(row, 2 + crits, w.total, &bold)?;
    for st in &standings {
        for (j, juror_total) in jury.jurors.iter().zip(&st.jurors) {
            row += 1;
            sheet.write_string(row, 0, &st.presenter)?;
            sheet.write_string(row, 1, &j.code)?;
            for (i, n) in (2u16..).zip(1u32..=u32::from(crits)) {
                if let Some(v) = session.score_of(&j.code, &st.presenter, n) {
                    sheet.write_number(row, i, f64::from(v))?;
                }
            }
            if let Some(t) = juror_total {
                sheet.write_number(row, 2 + crits, number(*t))?;
            }
        }
    }
    sheet.set_column_width(2, 40)?;
    sheet.set_column_width(3, 40)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Command, Criterion, Juror, Jury, Recorded, apply, decide};
    use calamine::{Data, Reader, Xlsx};
    use chrono::{TimeZone, Utc};

    fn session(announce: bool) -> Session {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
        let mut info = crate::domain::SessionInfo {
            id: "s".into(),
            title: "KBK".into(),
            ..Default::default()
        };
        info.jury = Jury {
            criteria: vec![
                Criterion {
                    name: "Tema".into(),
                    weight: 1,
                    max: 100,
                },
                Criterion {
                    name: "Analisis".into(),
                    weight: 3,
                    max: 100,
                },
            ],
            jurors: vec![Juror {
                code: "J1".into(),
                name: "Juri".into(),
                nip: None,
                position: None,
            }],
            trimmed: false,
        };
        let mut cmds = vec![
            Command::Create { info },
            Command::AddParticipant {
                name: "KBK Sasi".into(),
                position: None,
                unit: Some("SMP 2".into()),
                code: None,
                nip: None,
                consent: false,
                present: false,
                carried: false,
            },
        ];
        for (c, v) in [("1", 80), ("2", 60)] {
            cmds.push(Command::Score {
                juror: "J1".into(),
                presenter: "P1".into(),
                criterion: c.into(),
                value: v,
            });
        }
        if announce {
            cmds.push(Command::AnnounceScores);
        }
        let mut s = Session::default();
        for (seq, cmd) in (1..).zip(cmds) {
            let event = decide(&s, cmd, at, crate::domain::Actor::Script)
                .unwrap()
                .remove(0);
            apply(
                &mut s,
                &Recorded {
                    seq,
                    at,
                    actor: crate::domain::Actor::Script,
                    event,
                },
            );
        }
        s
    }

    #[test]
    fn the_sheet_holds_the_ranking_and_every_juror_s_scores_as_numbers() {
        let mut wb = Workbook::new();
        wb.add_worksheet().set_name("Tindak Lanjut").unwrap();
        write_scores_sheet(&mut wb, &session(true), Language::Id).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let mut xlsx: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(xlsx.sheet_names(), ["Tindak Lanjut", "Penilaian"]);
        let range = xlsx.worksheet_range("Penilaian").unwrap();
        assert_eq!(range.get_value((0, 4)), Some(&Data::String("Tema".into())));
        assert_eq!(
            range.get_value((1, 2)),
            Some(&Data::String("KBK Sasi".into()))
        );
        // (1·80 + 3·60) / 4 = 65.
        assert_eq!(range.get_value((1, 6)), Some(&Data::Float(65.0)));
        assert_eq!(
            range.get_value((4, 3)),
            Some(&Data::Float(60.0)),
            "J1's Analisis"
        );
    }

    #[test]
    fn nothing_is_written_before_the_announcement() {
        let mut wb = Workbook::new();
        wb.add_worksheet();
        write_scores_sheet(&mut wb, &session(false), Language::En).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let xlsx: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(xlsx.sheet_names().len(), 1);
    }
}
