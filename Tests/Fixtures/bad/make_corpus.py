#!/usr/bin/env python3
"""Writes the bad-input corpus (Tests/Fixtures/bad/): broken and awkward inputs of every kind
as organisations produce them (Excel, old exports, hand edits). The expected outcome of each
case is in cases.csv, checked by Tests/IngestTests/BadInputCorpusTests.swift. Deterministic;
run from anywhere: python3 Tests/Fixtures/bad/make_corpus.py
"""
import json
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ("request_id,created_at,kind,category,subcategory,requester_postcode,requester_type,location,status,"
          "closed_at,helper_id,helper_postcode,organisation")


def row(i, created="2023-03-0{}", status="match", category="praktisch", postcode="3311AB", kind="hulpvraag",
        organisation="Buurtzorg", closed=None, helper=True):
    created = created.format(1 + i % 9) if "{}" in created else created
    closed = created if closed is None else closed
    h = f"V{i % 7},3312CD" if helper and status == "match" else ","
    return f"R{i},{created},{kind},{category},klussen,{postcode},bewoner,HipHelpt Test,{status},{closed},{h},{organisation}"


def write(name, text=None, data=None):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if data is not None else text.encode("utf-8"))


def requests():
    good = [row(i) for i in range(1, 6)]
    # Excel "CSV (puntkomma)": ; delimiter, Windows-1252 (é, ë, ’), DD-MM-YYYY dates, CRLF.
    lines = [HEADER.replace(",", ";")] + [
        f"R{i};0{1 + i}-03-2023;hulpvraag;praktisch;klussen;3311AB;bewoner;HipHelpt Test;match;0{1 + i}-03-2023;V1;3312CD;Diaconie Zwijndrecht-Oost café’s"
        for i in range(1, 5)]
    write("requests/excel_semicolon_cp1252.csv", data="\r\n".join(lines).encode("cp1252") + b"\r\n")
    # Excel "CSV UTF-8": BOM, ; and CRLF.
    write("requests/excel_utf8_bom_semicolon.csv",
          data=b"\xef\xbb\xbf" + ("\r\n".join([HEADER.replace(",", ";")] + [r.replace(",", ";") for r in good]) + "\r\n").encode())
    write("requests/mixed_line_endings.csv", data=(HEADER + "\n" + good[0] + "\r\n" + good[1] + "\r" + good[2] + "\n" + good[3] + "\r\n").encode())
    quoted = good[:2] + ['R9,2023-03-04,hulpvraag,praktisch,klussen,3311AB,bewoner,HipHelpt Test,match,2023-03-04,V1,3312CD,"Stichting\nBuurtzorg, afdeling ""Noord"""'] + [row(10, status="onbekend")]
    write("requests/quoted_newlines.csv", HEADER + "\n" + "\n".join(quoted) + "\n")
    write("requests/duplicated_headers.csv", HEADER + ",status\n" + good[0] + ",match\n")
    cols = HEADER.split(",")
    order = [8, 0, 12, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11]
    write("requests/columns_reordered.csv", ",".join(cols[i] for i in order) + "\n"
          + "\n".join(",".join(r.split(",")[i] for i in order) for r in good) + "\n")
    write("requests/postcodes_spaces_lowercase.csv", HEADER + "\n" + "\n".join([
        row(1, postcode="3311 ab"), row(2, postcode=" 3311AB "), row(3, postcode="3311ab"), row(4, postcode="3311")]) + "\n")
    write("requests/postcode_typos.csv", HEADER + "\n" + "\n".join([
        row(1, postcode="331AB"), row(2, postcode="33111AB"), row(3, postcode="O311AB"), row(4, postcode="3311-XYZ"),
        row(5)]) + "\n")
    write("requests/dates_future.csv", HEADER + "\n" + "\n".join([row(1, created="2031-01-05"), row(2)]) + "\n")
    write("requests/dates_before_2000.csv", HEADER + "\n" + "\n".join([row(1, created="1999-12-31"), row(2, created="1899-01-01"), row(3)]) + "\n")
    write("requests/dates_other_formats.csv", HEADER + "\n" + "\n".join([
        row(1, created="5-3-2023", closed="2023-03-06"), row(2, created="2023/03/05", closed="2023-03-06"),
        row(3, created="05-03-2023 14:30", closed="2023-03-06"), row(4, created="2023-03-05T09:00:00", closed="2023-03-06")]) + "\n")
    write("requests/impossible_dates.csv", HEADER + "\n" + "\n".join([row(1, created="2023-02-30"), row(2, created="31-04-2023"), row(3)]) + "\n")
    write("requests/statuses_other_words.csv", HEADER + "\n" + "\n".join([
        row(1, status="Gekoppeld"), row(2, status="Geen match gevonden"), row(3, status="MATCH"), row(4, status="doorverwezen")]) + "\n")
    write("requests/unknown_category.csv", HEADER + "\n" + "\n".join([row(1, category="financieel"), row(2)]) + "\n")
    write("requests/unterminated_quote.csv", HEADER + "\n" + good[0] + "\n" + 'R7,2023-03-02,hulpvraag,praktisch,"tuin,3311AB\n' + good[1] + "\n")
    write("requests/wrong_field_count.csv", HEADER + "\n" + good[0] + ",extra\n" + "R8,2023-03-02,hulpvraag\n" + good[1] + "\n")
    write("requests/blank_lines.csv", "\n" + HEADER + "\n\n" + good[0] + "\n\n\n" + good[1] + "\n\n")
    write("requests/utf16.csv", data=(HEADER + "\n" + good[0] + "\n").encode("utf-16"))
    write("requests/zero_byte.csv", "")
    write("requests/header_only.csv", HEADER + "\n")
    write("requests/duplicate_ids.csv", HEADER + "\n" + "\n".join([good[0], good[0], good[1], good[1].replace("match,", "geen_match,", 1)]) + "\n")
    write("requests/closed_before_created.csv", HEADER + "\n" + "\n".join([row(1, created="2023-03-05", closed="2023-03-01"), row(2)]) + "\n")
    write("requests/missing_required_column.csv", "request_id,created_at,kind,category,location\nR1,2023-03-01,hulpvraag,praktisch,L\n")
    write("requests/tab_delimited.csv", "\n".join(r.replace(",", "\t") for r in [HEADER] + good) + "\n")
    write("requests/binary_garbage.csv", data=bytes((i * 97 + 13) % 256 for i in range(4000)))
    write("requests/headers_in_other_words.csv", "Request ID, Created_At ,KIND,Categorie,Subcategory,Postcode aanvrager,requester_type,Location,Status,closed_at,helper_id,helper_postcode,organisation\n" + "\n".join(good) + "\n")
    write("requests/info_questions_without_category.csv", HEADER + "\n" + "\n".join([
        row(1, kind="informatievraag", category="", status="geen_match"), row(2, kind="hulpvraag", category="")]) + "\n")
    write("requests/only_a_header_of_another_file.csv", "postcode,aantal_inwoners\n3311,1200\n")
    os.makedirs(os.path.join(HERE, "requests/a_directory.csv"), exist_ok=True)
    write("requests/a_directory.csv/.keep", "")


def helpers():
    h = "helper_id,postcode,categories,location,active_from,active_until"
    write("helpers/categories_mixed_separators.csv", h + "\n" + "\n".join([
        "V1,3311AB,praktisch; sociaal,HipHelpt Test,2022-01-01,",
        "V2,3311AB,vervoer|praktisch,HipHelpt Test,2022-01-01,",
        "V3,3311AB,Sociaal/Vervoer,HipHelpt Test,2022-01-01,",
        "V4,3311AB,\"praktisch,vervoer\",HipHelpt Test,2022-01-01,"]) + "\n")
    write("helpers/active_until_before_from.csv", h + "\n" + "V1,3311AB,praktisch,HipHelpt Test,2023-05-01,2023-01-01\nV2,3311AB,praktisch,HipHelpt Test,2023-01-01,2023-05-01\n")
    write("helpers/unknown_category.csv", h + "\n" + "V1,3311AB,koken,HipHelpt Test,2023-01-01,\nV2,3311AB,praktisch;koken,HipHelpt Test,2023-01-01,\n")
    write("helpers/missing_postcode.csv", h + "\n" + "V1,,praktisch,HipHelpt Test,2023-01-01,\nV2,3311AB,praktisch,HipHelpt Test,2023-01-01,\n")
    write("helpers/excel_semicolon_bom_crlf.csv", data=b"\xef\xbb\xbf" + ("\r\n".join([h.replace(",", ";"),
          "V1;3311 ab;praktisch;HipHelpt Test;01-01-2023;", "V2;3312CD;sociaal;HipHelpt Test;01-02-2023;31-12-2023"]) + "\r\n").encode())
    write("helpers/duplicate_ids.csv", h + "\n" + "V1,3311AB,praktisch,HipHelpt Test,2023-01-01,\nV1,3311AB,sociaal,HipHelpt Test,2023-01-01,\n")


def polygon(x, y, size=1000):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def feature(code, rings, kind="Polygon", **props):
    return {"type": "Feature", "properties": {"postcode": code, "aantal_inwoners": 1000, **props},
            "geometry": None if rings is None else {"type": kind, "coordinates": rings}}


def geojson(name, features, crs="EPSG::28992"):
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:{crs}"}}
    write(name, json.dumps(doc, indent=None))


def areas():
    rd = [feature(str(3311 + i), polygon(105000 + 1000 * i, 425000)) for i in range(4)]
    geojson("areas/good_rd.geojson", rd)
    # RD metres in a GeoJSON without a crs member: GDAL reads it as WGS84 (the GeoJSON default).
    geojson("areas/rd_metres_declared_wgs84.geojson", rd, crs=None)
    # Latitude and longitude swapped (52.0, 4.6 instead of 4.6, 52.0).
    swapped = [feature(str(3311 + i), [[[51.8, 4.6 + 0.01 * i], [51.8, 4.61 + 0.01 * i], [51.81, 4.61 + 0.01 * i], [51.8, 4.6 + 0.01 * i]]]) for i in range(3)]
    geojson("areas/lat_lon_swapped.geojson", swapped, crs=None)
    bowtie = [[[106000, 425000], [107000, 426000], [107000, 425000], [106000, 426000], [106000, 425000]]]
    geojson("areas/self_intersecting.geojson", [rd[0], feature("3312", bowtie), rd[2]])
    geojson("areas/empty_and_null_geometry.geojson", [rd[0], feature("3312", [], "MultiPolygon"), feature("3313", None), rd[3]])
    geojson("areas/duplicate_postcodes.geojson", [rd[0], rd[1], feature("3311", polygon(109000, 425000)), rd[2]])
    geojson("areas/points_not_polygons.geojson", [rd[0], feature("3312", [106500, 425500], "Point"), rd[2]])
    geojson("areas/mixed_levels.geojson", [rd[0], feature("3312AB", polygon(106000, 425000)), rd[2]])
    geojson("areas/bad_postcodes.geojson", [rd[0], feature("33X2", polygon(106000, 425000)), feature("", polygon(107000, 425000)), rd[3]])
    write("areas/truncated.geojson", json.dumps({"type": "FeatureCollection", "features": rd})[:300])
    write("areas/zero_byte.gpkg", "")
    write("areas/not_a_vector_file.geojson", "Dit is geen GeoJSON maar een notitie.\n")
    shapefile_without_prj("areas/no_prj/pc4.shp")
    geojson("areas/no_postcode_column.geojson", [{"type": "Feature", "properties": {"naam": "A"}, "geometry": {"type": "Polygon", "coordinates": polygon(105000, 425000)}}])


def shapefile_without_prj(name):
    """A two-polygon Shapefile (.shp, .shx, .dbf) in RD metres, written by hand, with no .prj."""
    base = os.path.join(HERE, name[:-4])
    os.makedirs(os.path.dirname(base), exist_ok=True)
    polys = [polygon(105000, 425000)[0], polygon(106000, 425000)[0]]
    records, offsets = [], []
    offset = 50  # in 16-bit words, after the 100-byte header
    for i, ring in enumerate(polys):
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        content = struct.pack("<i4d2i", 5, min(xs), min(ys), max(xs), max(ys), 1, len(ring)) + struct.pack("<i", 0)
        content += b"".join(struct.pack("<2d", *p) for p in ring)
        records.append(struct.pack(">2i", i + 1, len(content) // 2) + content)
        offsets.append((offset, len(content) // 2))
        offset += 4 + len(content) // 2
    allx = [p[0] for r in polys for p in r]
    ally = [p[1] for r in polys for p in r]

    def header(length_words):
        return struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length_words) + struct.pack("<2i4d4d", 1000, 5, min(allx), min(ally), max(allx), max(ally), 0, 0, 0, 0)
    body = b"".join(records)
    with open(base + ".shp", "wb") as f:
        f.write(header(50 + len(body) // 2) + body)
    with open(base + ".shx", "wb") as f:
        f.write(header(50 + 4 * len(polys)) + b"".join(struct.pack(">2i", o, l) for o, l in offsets))
    # dBASE III: one character field "postcode" (4).
    fields = struct.pack("<11sc4xBB14x", b"postcode", b"C", 4, 0)
    dbf = struct.pack("<B3BIHH20x", 3, 123, 1, 1, len(polys), 32 + 32 + 1, 1 + 4) + fields + b"\r"
    dbf += b"".join(b" " + code.encode() for code in ["3311", "3312"]) + b"\x1a"
    with open(base + ".dbf", "wb") as f:
        f.write(dbf)


def statistics():
    h = "postcode,aantal_part_huishoudens,gemiddelde_huishoudensgrootte,gemeente"
    write("stats/cbs_codes.csv", h + "\n3311,500,\"2,4\",Teststad\n3312,-99997,-99997,Teststad\n3313,-99995,2.1,Teststad\n3314,400,1.9,Teststad\n")
    write("stats/semicolon_decimal_comma.csv", h.replace(",", ";") + "\n3311;1.234;2,4;Teststad\n3312;500;1,95;Teststad\n")
    write("stats/unknown_postcodes.csv", h + "\n3311,500,2.4,Teststad\n9999,100,2.0,Elders\n1234AB,5,1.0,Elders\n")
    write("stats/duplicate_rows.csv", h + "\n3311,500,2.4,Teststad\n3311,500,2.4,Teststad\n3312,400,2.0,Teststad\n")
    write("stats/text_in_numeric.csv", h + "\n3311,500,2.4,Teststad\n3312,veel,onbekend,Teststad\n3313,300,2.2,Teststad\n")
    write("stats/no_postcode_column.csv", "gebied,aantal_part_huishoudens\nA,500\n")
    # Found by make fuzz: a number far below the CBS codes trapped when made into a code.
    write("stats/absurd_numbers.csv", h + "\n3311,-9" + "6" * 60 + "99979,1e308,Teststad\n3312,400,2.0,Teststad\n")


def configs():
    write("config/syntax_error.toml", "[privacy]\nsuppression_threshold = \n")
    write("config/unknown_key.toml", "[privacy]\nsupression_threshold = 5\n")
    write("config/unknown_status_target.toml", "[requests.values.status]\n\"Gekoppeld\" = \"gekoppeld\"\n")
    write("config/wrong_type.toml", "[target]\nbudget = \"veel\"\n")
    write("config/threshold_zero.toml", "[privacy]\nsuppression_threshold = 0\n")
    write("config/unknown_section.toml", "[kaart]\nkleur = \"rood\"\n")
    write("config/status_words.toml", "[requests.values.status]\n\"Gekoppeld\" = \"match\"\n\"Geen match gevonden\" = \"geen_match\"\n")
    write("config/around_without_radius.toml", "[target]\naround = \"3311\"\n")
    write("config/utf8_bom.toml", data=b"\xef\xbb\xbf[privacy]\nsuppression_threshold = 7\n")
    # Found by make fuzz: toml++ (in TOMLKit) aborted the process on a header like this.
    write("config/table_header_with_hash.toml", data=b"\xef\xbb\xbf[#privacy]\n,uppron_threshold } 1\n")
    write("config/lone_bracket.toml", "[\n")  # the same assertion, found by the next fuzz run
    write("config/non_ascii_table_name.toml", data=b"[\xef\xbb\xb7]\n")  # and again: [ﻷ]
    write("config/lone_carriage_returns.toml", data=b"[\r\rA]\n")  # and again: old Mac line breaks
    write("config/combining_mark_after_bracket.toml", data=b"[\xd6\xa3\xdd\xa3tt")  # and again: [ + U+05A3
    write("config/crlf_header.toml", data=b"[privacy]\r\nsuppression_threshold = 6\r\n[#x]\r\n")  # a bad header after CRLF lines


if __name__ == "__main__":
    for sub in ["requests", "helpers", "areas", "stats", "config"]:
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    requests()
    helpers()
    areas()
    statistics()
    configs()
    print("wrote the corpus in", HERE)
