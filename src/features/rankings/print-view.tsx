import { useMemo, useState } from 'react';
import type { RankingEditionView } from '../../api/editions';
import { useSharedSettings } from '../../api/settings';
import type { SlowActionThresholds } from '../../domain/slow-action';
import { bulletinRanking, type Bulletin } from '../../engine/bulletin';
import type { QuarterRanking } from '../../engine/ranking';
import { rankingMethodology } from '../../engine/ranking-view-methodology';
import { DEFAULT_ENGINE_SETTINGS } from '../../engine/settings';
import { RankingPrintReport } from '../../export/print-ranking-report';
import { PrintOverlay } from '../../ui/print-overlay';

/**
 * The print preview of the 季度通报 (`?print=1`). A published edition prints with the letterhead
 * stored in it (city, office, document number, date of issue); live figures print with the
 * current settings' letterhead and no document number. Kept in the URL so the preview can be
 * linked and a test can print it to PDF.
 */
export function PrintView({
  ranking,
  edition,
  thresholds,
  onClose,
}: {
  ranking: QuarterRanking;
  edition: RankingEditionView | null;
  thresholds: SlowActionThresholds;
  onClose: () => void;
}) {
  // The generation time is fixed when the preview opens, so screen and paper agree.
  const [generatedAtMs] = useState(() => Date.now());
  const letterhead =
    useSharedSettings().data?.settings.bulletin ?? DEFAULT_ENGINE_SETTINGS.bulletin;
  const methodology = useMemo(() => rankingMethodology(ranking, thresholds), [ranking, thresholds]);
  const bulletin: Bulletin = useMemo(
    () => ({
      header: edition
        ? {
            city: edition.bulletin.city,
            office: edition.bulletin.office,
            documentNumber: edition.documentNumber,
            issuedOn: edition.issuedOn,
            edition: edition.edition,
          }
        : { ...letterhead, documentNumber: null, issuedOn: null, edition: null },
      ranking: bulletinRanking(ranking),
    }),
    [edition, letterhead, ranking],
  );
  return (
    <PrintOverlay
      title={`${bulletin.header.city}部门效能评比排队季度通报-${ranking.quarter}`}
      onClose={onClose}
    >
      <RankingPrintReport
        bulletin={bulletin}
        methodology={methodology}
        generatedAtMs={generatedAtMs}
      />
    </PrintOverlay>
  );
}
