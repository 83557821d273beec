import json, random, sys
# usage: gen.py N OUTDIR  -> OUTDIR/old.schema.json, OUTDIR/new.schema.json
N = int(sys.argv[1]); out = sys.argv[2]
def gen(version):
    random.seed(7)
    defs = {}
    for i in range(N):
        props = {}
        for j in range(12):
            k = random.random()
            if k < 0.3: props[f"f{j}"] = {"type": "string", "maxLength": 200, "description": "field %d of component %d in a long description that pads the schema size realistically" % (j, i)}
            elif k < 0.5: props[f"f{j}"] = {"type": "integer", "minimum": 0}
            elif k < 0.7: props[f"f{j}"] = {"$ref": f"#/$defs/C{random.randrange(N)}"}
            elif k < 0.8: props[f"f{j}"] = {"type": "array", "items": {"$ref": f"#/$defs/C{i}"}}
            elif k < 0.9: props[f"f{j}"] = {"anyOf": [{"$ref": f"#/$defs/C{random.randrange(N)}"}, {"type": "null"}]}
            else: props[f"f{j}"] = {"enum": ["a","b","c"]}
        d = {"type": "object", "properties": props, "required": ["f0", "f1"]}
        if i % 10 == 0 and i > 0:
            d = {"allOf": [{"$ref": f"#/$defs/C{i-1}"}, d]}
        defs[f"C{i}"] = d
    if version == 2:
        for i in range(0, N, 97):
            dd = defs[f"C{i}"]
            tgt = dd["allOf"][1] if "allOf" in dd else dd
            tgt["required"] = ["f0"]
            tgt["properties"]["added"] = {"type": "string"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": f"#/$defs/C{N-1}", "$defs": defs}
json.dump(gen(1), open(out + "/old.schema.json","w"), indent=1)
json.dump(gen(2), open(out + "/new.schema.json","w"), indent=1)
