#!/usr/bin/env python3
"""Writes the demo's bundled data (samples/Kolek.Cli/data): an ERP export of customers and charges, the ruler,
and bank files in real formats that pay some of the charges. Everything is fictitious and written by us;
CPF/CNPJ numbers have valid check digits, boletos valid barcodes (Bradesco 237, due-date factor after the
2025-02-22 rollover), PIX BR Codes a valid CRC16. Deterministic (fixed seed): re-running it gives the same bytes.

Run from anywhere: python3 samples/Kolek.Cli/tools/generate-demo-data.py
"""
import json, random
from datetime import date, timedelta, datetime, timezone
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data"
rnd = random.Random(20261203)

# ---------- check digits ----------
def cpf(base9):
    d = [int(c) for c in base9]
    for n in (10, 11):
        s = sum(v * w for v, w in zip(d, range(n, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    return "".join(map(str, d))

def cnpj(base12):
    d = [int(c) for c in base12]
    for weights in ([5,4,3,2,9,8,7,6,5,4,3,2], [6,5,4,3,2,9,8,7,6,5,4,3,2]):
        s = sum(v * w for v, w in zip(d, weights))
        r = s % 11
        d.append(0 if r < 2 else 11 - r)
    return "".join(map(str, d))

def mod10(num):
    total, weight = 0, 2
    for c in reversed(num):
        p = int(c) * weight
        total += p // 10 + p % 10
        weight = 1 if weight == 2 else 2
    return str((10 - total % 10) % 10)

def barcode_dv(code43):
    total, weight = 0, 2
    for c in reversed(code43):
        total += int(c) * weight
        weight = 2 if weight == 9 else weight + 1
    dv = 11 - total % 11
    return "1" if dv in (0, 1, 10, 11) else str(dv)

def bradesco_nn_dv(carteira, nn11):
    total, weight = 0, 2
    for c in reversed(carteira + nn11):
        total += int(c) * weight
        weight = 2 if weight == 7 else weight + 1
    r = total % 11
    return "0" if r == 0 else ("P" if r == 1 else str(11 - r))

AGENCIA, CARTEIRA, CONTA, CONTA_DV = "3381", "09", "0027451", "3"

def due_factor(d):
    return (d - date(2025, 2, 22)).days + 1000

def linha_digitavel(nn11, due, amount):
    free = AGENCIA + CARTEIRA + nn11 + CONTA + "0"
    value = f"{int(amount * 100):010d}"
    body = "2379" + f"{due_factor(due):04d}" + value + free
    dv = barcode_dv(body)
    bar = body[:4] + dv + body[4:]
    f1 = bar[0:4] + bar[19:24]; f2 = bar[24:34]; f3 = bar[34:44]
    return f"{f1[:5]}.{f1[5:]}{mod10(f1)} {f2[:5]}.{f2[5:]}{mod10(f2)} {f3[:5]}.{f3[5:]}{mod10(f3)} {dv} {bar[5:19]}"

def crc16(payload):
    crc = 0xFFFF
    for b in payload.encode("utf-8"):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"

def tlv(tag, value):
    return f"{tag}{len(value):02d}{value}"

def brcode(txid):
    url = f"pix.bradesco.com.br/qr/v2/cobv/{txid}"
    mai = tlv("00", "br.gov.bcb.pix") + tlv("25", url)
    p = (tlv("00", "01") + tlv("01", "12") + tlv("26", mai) + tlv("52", "0000") + tlv("53", "986")
         + tlv("58", "BR") + tlv("59", "DISTRIB AURORA ALIMENTOS") + tlv("60", "SAO PAULO") + tlv("62", tlv("05", "***")) + "6304")
    return p + crc16(p)

CREDITOR_CNPJ = cnpj("457231740001")

# ---------- customers ----------
PEOPLE = ["Maria Aparecida dos Santos", "José Carlos Pereira", "Ana Paula Ferreira", "João Batista Oliveira",
          "Francisca Lima de Souza", "Antônio Marcos Ribeiro", "Luciana Gonçalves", "Paulo Roberto Almeida",
          "Fernanda Cristina Rocha", "Raimundo Nonato Araújo", "Juliana Mendes Barbosa", "Sebastião Cardoso",
          "Patrícia Nogueira Dias", "Marcelo Henrique Teixeira"]
COMPANIES = ["Padaria Pão Dourado Ltda", "Mercadinho São Jorge ME", "Restaurante Sabor Mineiro Ltda",
             "Lanchonete Bom Apetite EIRELI", "Supermercado Irmãos Costa Ltda", "Empório Serra Gaúcha Ltda",
             "Café Colonial Vó Tereza ME", "Hotel Pousada Mar Azul Ltda", "Cantina Nonna Lucia Ltda",
             "Açougue e Frios Boi Bom ME", "Distribuidora Norte Sul Ltda", "Quitanda Verde Vale ME",
             "Confeitaria Doce Encanto Ltda", "Bar e Petiscaria Esquina Ltda", "Hortifruti Campo Belo Ltda",
             "Pizzaria Forno a Lenha Ltda", "Cooperativa Agro Vale do Ribeira", "Buffet Festa Alegre Ltda"]
DDDS = ["11", "11", "11", "19", "21", "31", "41", "51", "71", "81", "92", "68"]
ZONE_BY_DDD = {"92": "America/Manaus", "68": "America/Rio_Branco"}

def slug(name):
    import unicodedata
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in s if c.isalnum() or c == " ").split()

customers = []
for i, name in enumerate(PEOPLE + COMPANIES):
    consumer = i < len(PEOPLE)
    doc = cpf(f"{rnd.randrange(10**8, 10**9)}") if consumer else cnpj(f"{rnd.randrange(10**7, 10**8)}0001")
    ddd = DDDS[i % len(DDDS)]
    mobile = f"9{rnd.randrange(6000, 9999)}{rnd.randrange(1000, 9999)}"
    words = slug(name)
    email = (f"{words[0]}.{words[-1]}@exemplo.com.br" if consumer else f"financeiro@{words[0]}{words[1]}.com.br")
    segment = ["bom-pagador", "padrao", "padrao", "risco"][i % 4]
    opt_out = "whatsapp" if i in (5, 20) else ("email" if i == 27 else "")
    customers.append(dict(id=f"CLI-{i + 1:03d}", name=name, document=doc, email=email,
                          phone=f"({ddd}) {mobile[:5]}-{mobile[5:]}", whatsapp=f"+55{ddd}{mobile}",
                          consumer="true" if consumer else "false", segment=segment,
                          time_zone=ZONE_BY_DDD.get(ddd, "America/Sao_Paulo"), opt_out=opt_out))

# ---------- charges ----------
charges = []
nn_seq = 40100
# 64 charges round the customers; two more for one consumer who later pays both with a single PIX.
for n in range(66):
    cust = customers[n % len(customers)] if n < 64 else customers[11]
    issue = date(2026, 9, 1) + timedelta(days=(n * 37) % 92) if n < 64 else date(2026, 10, 27 + (n - 64) * 3)
    due = issue + timedelta(days=[15, 20, 30][n % 3])
    amount = Decimal(rnd.choice([189, 245, 320, 480, 650, 890, 1200, 1750, 2340, 3980])) + Decimal(rnd.choice([0, 50, 90, 99])) / 100
    if cust["consumer"] == "true":
        amount = (amount / 4).quantize(Decimal("0.01"))
    pix = n % 4 == 3 and n < 64
    c = dict(id=f"NF-{1001 + n}", customer_id=cust["id"], amount=amount, issue_date=issue, due_date=due,
             status="open", paid_amount=Decimal("0.00"), nosso_numero="", txid="", linha_digitavel="",
             pix_copia_e_cola="", paid_date="")
    if pix:
        c["txid"] = f"KOLEK{issue:%Y%m%d}NF{1001 + n}{rnd.randrange(10**9, 10**10)}"
        c["pix_copia_e_cola"] = brcode(c["txid"])
    else:
        nn_seq += 1
        c["nosso_numero"] = f"{nn_seq:011d}"
        c["linha_digitavel"] = linha_digitavel(c["nosso_numero"], due, amount)
    charges.append(c)

DEMO_START = date(2026, 10, 1)
TODAY = date(2026, 12, 3)

# Already settled in the ERP before the demo window (history: some on time, some late).
for c in charges:
    if c["due_date"] < date(2026, 10, 5) and int(c["id"][3:]) % 5 != 0:
        c["status"] = "paid"
        late = rnd.choice([0, 0, 0, 3, 12])
        c["paid_date"] = c["due_date"] + timedelta(days=late)
        c["paid_amount"] = c["amount"]
special = {"NF-1040": "cancelled", "NF-1047": "disputed", "NF-1052": "agreement"}
for c in charges:
    if c["id"] in special:
        c["status"] = special[c["id"]]

def by_id(i):
    return next(c for c in charges if c["id"] == i)

def cust_of(c):
    return next(k for k in customers if k["id"] == c["customer_id"])

PAIR = ["NF-1065", "NF-1066"]
open_boletos = [c for c in charges if c["status"] == "open" and c["nosso_numero"] and c["due_date"] <= date(2026, 11, 28) and c["id"] not in PAIR]
open_pix = [c for c in charges if c["status"] == "open" and c["txid"] and c["due_date"] <= date(2026, 11, 30)]

def late_amount(c, paid):
    days = (paid - c["due_date"]).days
    if days <= 0:
        return c["amount"], Decimal(0), Decimal(0)
    fine = (c["amount"] * Decimal("0.02")).quantize(Decimal("0.01"))
    interest = (c["amount"] * Decimal("0.01") / 30 * days).quantize(Decimal("0.01"))
    return c["amount"] + fine + interest, fine, interest

# ---------- CNAB 400 Bradesco retorno ----------
def num(v, width):
    return f"{int(v):0{width}d}"

def money(v, width=13):
    return f"{int((Decimal(v) * 100).quantize(Decimal('1'))):0{width}d}"

def ddmmyy(d):
    return d.strftime("%d%m%y") if d else "000000"

def put(line, start, text):
    return line[:start - 1] + text + line[start - 1 + len(text):]

def cnab_header(credit, seq_aviso):
    l = " " * 400
    l = put(l, 1, "02RETORNO01COBRANCA       ")
    l = put(l, 27, num(4589123, 20))
    l = put(l, 47, "DISTRIBUIDORA AURORA ALIMENTOS")
    l = put(l, 77, "237BRADESCO       ")
    l = put(l, 95, ddmmyy(credit) + "01600000" + num(seq_aviso, 5))
    l = put(l, 380, ddmmyy(credit))
    return put(l, 395, "000001")

def cnab_detail(seq, c, code, occurred, credit, paid=Decimal(0), fee=Decimal("2.45"), interest=Decimal(0), discount=Decimal(0)):
    l = " " * 400
    l = put(l, 1, "1" + "02" + CREDITOR_CNPJ + "000")
    l = put(l, 21, "0" + "0" + CARTEIRA + "0" + AGENCIA + CONTA + CONTA_DV)
    l = put(l, 38, f"{c['id']:<25}")
    l = put(l, 63, "0" * 8 + c["nosso_numero"] + bradesco_nn_dv(CARTEIRA, c["nosso_numero"]))
    l = put(l, 83, "0" * 10 + "0" * 12 + " " + "00" + "9")
    l = put(l, 109, code + ddmmyy(occurred) + f"{c['id']:<10}" + "0" * 8 + c["nosso_numero"] + bradesco_nn_dv(CARTEIRA, c["nosso_numero"]))
    l = put(l, 147, ddmmyy(c["due_date"]) + money(c["amount"]) + "237" + "03381" + "  ")
    l = put(l, 176, money(fee) + money(0) + money(0) + money(0) + money(0) + money(discount) + money(paid) + money(interest) + money(0))
    l = put(l, 295, " " + ddmmyy(next_business_day(occurred) if code == "06" else None) + ("001" if code == "06" else "000"))
    l = put(l, 315, "0000" + "0" * 10)
    return put(l, 395, num(seq, 6))

HOLIDAYS_2026 = {date(2026, 10, 12), date(2026, 11, 2), date(2026, 11, 20), date(2026, 12, 25)}  # 15/11 is a Sunday

def is_business(d):
    return d.weekday() < 5 and d not in HOLIDAYS_2026

def next_business_day(d):
    d += timedelta(days=1)
    while not is_business(d):
        d += timedelta(days=1)
    return d

def business_on_or_before(d):
    while not is_business(d):
        d -= timedelta(days=1)
    return d

def business_on_or_after(d):
    while not is_business(d):
        d += timedelta(days=1)
    return d

def cnab_trailer(seq, details):
    l = " " * 400
    l = put(l, 1, "9201237")
    liq = [d for d in details if d[0] == "06"]
    l = put(l, 18, num(len(details), 8) + money(sum(d[1] for d in details), 14))
    l = put(l, 87, num(len(liq), 5) + money(sum(d[1] for d in liq), 12))
    return put(l, 395, num(seq, 6))

def write_cnab(path, credit, aviso, rows):
    lines, summary = [cnab_header(credit, aviso)], []
    for code, c, occurred, paid, interest, discount in rows:
        fee = Decimal("2.45") if code in ("02", "06") else Decimal(0)
        lines.append(cnab_detail(len(lines) + 1, c, code, occurred, credit, paid, fee, interest, discount))
        summary.append((code, paid))
    lines.append(cnab_trailer(len(lines) + 1, summary))
    (OUT / "bank" / path).write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))

paid_by_cnab = []
rows1 = []
for c in open_boletos[:4]:
    when = business_on_or_before(c["due_date"] - timedelta(days=1))
    rows1.append(("06", c, when, c["amount"], Decimal(0), Decimal(0)))
    paid_by_cnab.append(c["id"])
late_c = open_boletos[4]
late_paid_on = business_on_or_after(late_c["due_date"] + timedelta(days=9))
total, fine, interest = late_amount(late_c, late_paid_on)
rows1.append(("06", late_c, late_paid_on, total, fine + interest, Decimal(0)))
paid_by_cnab.append(late_c["id"])
for c in [x for x in charges if x["nosso_numero"] and x["status"] == "open" and x["issue_date"] >= date(2026, 11, 1)][:2]:
    rows1.append(("02", c, c["issue_date"], Decimal(0), Decimal(0), Decimal(0)))
credit1 = next_business_day(max(r[2] for r in rows1 if r[0] == "06"))
write_cnab("retorno-bradesco-1.ret", credit1, 1873, rows1)

rows2 = []
for c in open_boletos[5:9]:
    when = business_on_or_after(c["due_date"])  # due on a weekend or holiday: paid the next business day, no charges
    discount = (c["amount"] * Decimal("0.03")).quantize(Decimal("0.01")) if c is open_boletos[6] else Decimal(0)
    rows2.append(("06", c, when, c["amount"] - discount, Decimal(0), discount))
    paid_by_cnab.append(c["id"])
rows2.append(("09", open_boletos[9], date(2026, 11, 30), Decimal(0), Decimal(0), Decimal(0)))
credit2 = next_business_day(max(r[2] for r in rows2 if r[0] == "06"))
write_cnab("retorno-bradesco-2.ret", credit2, 1874, rows2)

# ---------- PIX received (BACEN API GET /pix) ----------
def e2e(at, k):
    return "E" + "60746948" + at.strftime("%Y%m%d%H%M") + f"{k:011d}"[-11:].replace("0", "k", 3)

pix_items = []
for k, c in enumerate(open_pix[:6]):
    cust = cust_of(c)
    at = datetime.combine(c["due_date"] - timedelta(days=k % 3), datetime.min.time(), timezone.utc) + timedelta(hours=13 + k, minutes=7 * k, seconds=k)
    value = c["amount"] if k != 4 else (c["amount"] / 2).quantize(Decimal("0.01"))  # one partial payment
    payer = {"cpf": cust["document"]} if len(cust["document"]) == 11 else {"cnpj": cust["document"]}
    payer["nome"] = cust["name"]
    pix_items.append({"endToEndId": e2e(at, 9000 + k), "txid": c["txid"], "valor": f"{value:.2f}",
                      "horario": at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{k * 111:03d}Z", "pagador": payer,
                      "infoPagador": f"Pagamento {c['id']}"})
pix_doc = {"parametros": {"inicio": "2026-10-01T00:00:00Z", "fim": "2026-11-30T23:59:59Z",
                          "paginacao": {"paginaAtual": 0, "itensPorPagina": 100, "quantidadeDePaginas": 1,
                                        "quantidadeTotalDeItens": len(pix_items)}},
           "pix": pix_items}
(OUT / "bank" / "pix-recebidos.json").write_text(json.dumps(pix_doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

# ---------- OFX 1.02 SGML, Latin-1, Itaú current account ----------
ofx_trn = []
def trn(d, amount, memo, trntype=None, fitid=None):
    ofx_trn.append((d, Decimal(amount), memo, trntype or ("CREDIT" if Decimal(amount) > 0 else "DEBIT"), fitid))

# A company pays a boleto by TED instead (no nosso número): payer CNPJ + amount.
ted_c = next(c for c in open_boletos[10:] if cust_of(c)["consumer"] == "false")
k = cust_of(ted_c)
trn(ted_c["due_date"], ted_c["amount"], f"TED RECEBIDA {k['document'][:2]}.{k['document'][2:5]}.{k['document'][5:8]}/{k['document'][8:12]}-{k['document'][12:]} {k['name'][:22].upper()}")
# A consumer pays two charges with one PIX by key (no txid): CPF in the memo, amount = sum.
pair = [by_id(i) for i in PAIR]
cu = cust_of(pair[0])

d = cu["document"]
trn(max(p["due_date"] for p in pair), sum(p["amount"] for p in pair), f"PIX RECEBIDO {d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]} {cu['name'][:20].upper()}")
trn(date(2026, 11, 3), "1500.00", "TRANSFERÊNCIA DE SALDO CC 0027451")
trn(date(2026, 11, 9), "-45.90", "TARIFA PACOTE SERVIÇOS", "FEE")
trn(date(2026, 11, 12), "-8750.00", "PAG FORNECEDOR LATICÍNIOS", "PAYMENT")
trn(date(2026, 11, 18), "327.40", "PIX RECEBIDO ••• .481.227-•• SEM IDENTIFICAÇÃO")
trn(date(2026, 11, 20), "-12480.00", "FOLHA DE PAGAMENTO NOV")
trn(date(2026, 11, 30), "0.00", "SALDO DO DIA", "OTHER", "0")
ofx_trn.sort(key=lambda t: t[0])

def ofx_date(d, hh="100000"):
    return f"{d:%Y%m%d}{hh}[-03:EST]"

lines = ["OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII", "CHARSET:1252",
         "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "",
         "<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
         f"<DTSERVER>{ofx_date(date(2026, 12, 1), '083012')}", "<LANGUAGE>POR", "</SONRS>", "</SIGNONMSGSRSV1>",
         "<BANKMSGSRSV1>", "<STMTTRNRS>", "<TRNUID>1001", "<STATUS>", "<CODE>0", "<SEVERITY>INFO", "</STATUS>",
         "<STMTRS>", "<CURDEF>BRL", "<BANKACCTFROM>", "<BANKID>0341", "<BRANCHID>0815", "<ACCTID>2745139",
         "<ACCTTYPE>CHECKING", "</BANKACCTFROM>", "<BANKTRANLIST>",
         f"<DTSTART>{ofx_date(date(2026, 10, 1), '000000')}", f"<DTEND>{ofx_date(date(2026, 11, 30), '000000')}"]
balance = Decimal("18240.55")
for i, (d, amount, memo, trntype, fitid) in enumerate(ofx_trn):
    balance += amount
    lines += ["<STMTTRN>", f"<TRNTYPE>{trntype}", f"<DTPOSTED>{ofx_date(d)}", f"<TRNAMT>{amount:.2f}",
              f"<FITID>{fitid or f'{d:%Y%m%d}{i + 1:03d}'}", f"<CHECKNUM>{fitid or f'{d:%Y%m%d}{i + 1:03d}'}",
              f"<MEMO>{memo[:48]:<24}", "</STMTTRN>"]
lines += ["</BANKTRANLIST>", "<LEDGERBAL>", f"<BALAMT>{balance:.2f}", f"<DTASOF>{ofx_date(date(2026, 11, 30), '000000')}",
          "</LEDGERBAL>", "</STMTRS>", "</STMTTRNRS>", "</BANKMSGSRSV1>", "</OFX>"]
(OUT / "bank" / "extrato-itau-2026-10-a-11.ofx").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))

# ---------- ERP export ----------
def csv_line(values):
    out = []
    for v in values:
        s = str(v)
        out.append('"' + s.replace('"', '""') + '"' if any(ch in s for ch in ',"\n') else s)
    return ",".join(out)

cols = ["id", "name", "document", "email", "phone", "whatsapp", "consumer", "segment", "time_zone", "opt_out"]
(OUT / "customers.csv").write_text("\n".join([",".join(cols)] + [csv_line(c[k] for k in cols) for c in customers]) + "\n", encoding="utf-8")
cols = ["id", "customer_id", "amount", "issue_date", "due_date", "status", "paid_amount", "nosso_numero", "txid",
        "linha_digitavel", "pix_copia_e_cola", "paid_date"]
(OUT / "charges.csv").write_text("\n".join([",".join(cols)] + [csv_line(c[k] for k in cols) for c in charges]) + "\n", encoding="utf-8")

ruler = {
    "id": "padrao", "name": "Régua padrão", "timeZone": "America/Sao_Paulo",
    "sendWindows": {"weekdays": "08:00-20:00", "saturday": "09:00-14:00", "sunday": None, "holidays": None},
    "catchUp": "latest", "consolidate": "customer-day",
    "lateCharges": {"finePercent": 2.0, "interestPercentPerMonth": 1.0},
    "steps": [
        {"id": "d-3", "anchor": "due", "offsetDays": -3, "days": "business", "channels": ["email"], "template": "lembrete"},
        {"id": "d0", "anchor": "issue", "offsetDays": 0, "channels": ["email", "whatsapp"], "template": "boleto"},
        {"id": "d2", "anchor": "due", "offsetDays": 2, "channels": ["whatsapp", "email"], "fallback": True, "template": "atraso"},
        {"id": "d5", "anchor": "due", "offsetDays": 5, "channels": ["email", "whatsapp"], "template": "atraso-firme"},
        {"id": "d10", "anchor": "due", "offsetDays": 10, "channels": ["email", "whatsapp"], "template": "aviso-final"},
        {"id": "protesto", "anchor": "due", "offsetDays": 30, "action": "protest", "requiresNotice": "d10"}]}
(OUT / "ruler.json").write_text(json.dumps(ruler, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
(OUT / "creditor.json").write_text(json.dumps({"name": "Distribuidora Aurora de Alimentos Ltda", "document": CREDITOR_CNPJ,
    "email": "cobranca@aurora-alimentos.com.br", "phone": "+551133334444", "demoStart": str(DEMO_START), "today": str(TODAY)},
    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

# Expected outcome, for the end-to-end test and for a reader of the data.
expected = {"paidByCnab": paid_by_cnab, "paidByPixTxid": [c["id"] for k, c in enumerate(open_pix[:6]) if k != 4],
            "partialByPix": open_pix[4]["id"], "paidByTed": ted_c["id"], "paidByOnePixForTwo": [p["id"] for p in pair],
            "lateWithCharges": {"id": late_c["id"], "paid": f"{total:.2f}", "fine": f"{fine:.2f}", "interest": f"{interest:.2f}"}}
(OUT / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
print(json.dumps(expected, indent=2))
print(sum(1 for c in charges if c["status"] == "open"), "open of", len(charges))
