#!/usr/bin/env python3
"""Print the Markdown tables of README.md (files, counts per type, ID kinds)."""
import collections, glob, json, os, re, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify  # noqa: E402  (reuses the ID classifier)

REGISTER = {
 "01": "discharge letter (cardiology), header, IPP/NDA/NIR, signature",
 "02": "GP consultation note, practice header",
 "03": "referral letter « Cher confrère » (neurology)",
 "04": "nursing transmissions, DAR targets",
 "05": "emergency-room observation",
 "06": "psychiatric interview note (CMP)",
 "07": "social-work assessment (évaluation sociale)",
 "08": "child-protection report to the prosecutor (signalement)",
 "09": "AEMO report to the juvenile judge",
 "10": "ASE foster-care situation note",
 "11": "home-visit report (SSIAD nurse)",
 "12": "CAF file notes, dated entries",
 "13": "MDPH medical certificate (form fields)",
 "14": "prescription with doctor's letterhead",
 "15": "laboratory result header and values",
 "16": "phone-call log (secretariat)",
 "17": "multidisciplinary meeting minutes (RCP oncology)",
 "18": "school-nurse note",
 "19": "EHPAD admission form",
 "20": "dictated consultation, speech-to-text without punctuation",
 "21": "operative report",
 "22": "paediatric consultation, infant",
 "23": "psychologist's assessment of a child",
 "24": "PMI home visit (paediatric nurse)",
 "25": "rehabilitation discharge letter « Mon cher confrère »",
 "26": "addiction-centre nursing note (CSAPA)",
 "27": "APA home assessment (elderly)",
 "28": "EHPAD-to-emergency liaison form (DLU)",
 "29": "secure-messaging e-mail thread between doctors",
 "30": "MRI report with imaging-centre header",
 "31": "memory-clinic consultation",
 "32": "midwife postnatal home visit (PRADO)",
 "33": "guardianship report (MJPM) to the judge",
 "34": "dictated emergency note, speech-to-text",
 "35": "night transmissions, psychiatric ward",
 "36": "psychiatric admission certificate (SDT)",
 "37": "hospital social-worker liaison note",
 "38": "multi-agency child-protection meeting minutes",
 "39": "budget home visit (CESF, CCAS)",
 "40": "physiotherapy assessment",
 "41": "occupational-health letter to the GP",
 "42": "dermatology consultation report",
 "43": "maternity discharge letter, mother and baby",
 "44": "night log of a homeless shelter (CHRS)",
 "45": "street-outreach report (mobile psychiatry team)",
 "46": "day-hospital chemotherapy note",
 "47": "SAMU regulation call record",
 "48": "speech-therapy assessment",
 "49": "IME individual-plan meeting minutes",
 "50": "dictated psychiatric interview, speech-to-text",
 "51": "teleconsultation note",
 "52": "MDPH decision letter",
 "53": "family-support worker log (TISF)",
 "54": "referral letter « Chère consœur » (adolescent anorexia)",
 "55": "EHPAD transmissions after a fall",
 "56": "paediatric discharge report, number alone on a line",
 "57": "PASS consultation (migrant patient, interpreter)",
 "58": "school social worker's information préoccupante",
 "59": "suicide-prevention recall log (VigilanS)",
 "60": "death certificate",
}
TYPES = verify.TYPES
rows, tot, kinds = [], collections.Counter(), collections.Counter()
for jp in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.json"))):
    ann = json.load(open(jp, encoding="utf-8"))
    text = open(os.path.join(HERE, ann["document"]), encoding="utf-8").read()
    c = collections.Counter(e["type"] for e in ann["entities"])
    tot.update(c)
    for e in ann["entities"]:
        if e["type"] == "ID":
            label = text[max(0, e["start"] - 30):e["start"]]
            k, _ = verify.classify_id(e["text"], label)
            if k == "SIREN":
                k = "9 digits with Luhn key (patient / AM numbers)"
            kinds[k] += 1
    rows.append((ann["document"], REGISTER[ann["document"][:2]], len(text.split()), len(ann["entities"]), len(ann["keep"])))
print("| file | register | words | entities | keep |\n|---|---|---:|---:|---:|")
for r in rows:
    print(f"| `{r[0]}` | {r[1]} | {r[2]} | {r[3]} | {r[4]} |")
print(f"\n{len(rows)} documents, {sum(r[2] for r in rows):,} words, {sum(tot.values()):,} annotated spans, {sum(r[4] for r in rows)} keep phrases.\n")
print("| type | count |\n|---|---:|")
for t in TYPES:
    print(f"| {t} | {tot[t]} |")
print(f"| **total** | **{sum(tot.values())}** |\n")
print("ID kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
