"""Measurement variant (scripts/measure-size): serde's derived readers instead of the
shared ones: `read_by_name!` expands to nothing and each named-value enum derives
`Deserialize`; with `section`, a template section is read by serde's internally tagged
reader instead of the flat `SectionFile`."""
import re, sys

root, what = sys.argv[1], sys.argv[2]

def edit(path, f):
    p = f"{root}/{path}"
    s = open(p).read()
    t = f(s)
    assert t != s, path
    open(p, "w").write(t)

if what == "enums":
    edit("core/src/unit_enum.rs", lambda s: re.sub(
        r"macro_rules! read_by_name \{.*?\n\}\n", "macro_rules! read_by_name {\n    ($($t:tt)*) => {};\n}\n", s, flags=re.S))
    for path in ["core/src/template.rs", "core/src/ballot.rs"]:
        def derive(s):
            for name in ["MarkSymbol", "Unmarked", "OverMarkedRule", "DeclaredVoid"]:
                s = re.sub(r"(#\[derive\([^)]*?)Serialize\)\](\s*(?:#\[serde\([^]]*\)\]\s*)?(?:///[^\n]*\n\s*)*pub enum " + name + r"\b)",
                           r"\1Serialize, serde::Deserialize)]\2", s)
            s = s.replace("enum SectionKind {", "#[derive(serde::Deserialize)]\n#[serde(rename_all = \"snake_case\")]\nenum SectionKind {")
            return s
        edit(path, derive)
elif what == "section":
    def section(s):
        s = s.replace("#[derive(Debug, Clone, PartialEq, Eq, Serialize)]\n#[serde(tag = \"kind\", rename_all = \"snake_case\")]\npub enum Section",
                      "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]\n#[serde(tag = \"kind\", rename_all = \"snake_case\")]\npub enum Section")
        s = s.replace("#[derive(Debug, Clone, PartialEq, Eq, Serialize)]\npub struct EvaluationSection",
                      "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]\npub struct EvaluationSection")
        s = s.replace("#[derive(Debug, Clone, PartialEq, Eq, Serialize)]\npub struct RecommendationSection",
                      "#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]\npub struct RecommendationSection")
        s = re.sub(r"    /// Result rules \(\[`Rule`\] texts", "    #[serde(default)]\n    /// Result rules ([`Rule`] texts", s)
        s = s.replace("    pub subjects: Vec<Subject>,", "    #[serde(default)]\n    pub subjects: Vec<Subject>,")
        s = s.replace("    pub levels: Vec<String>,\n    /// Result rules", "    #[serde(default)]\n    pub levels: Vec<String>,\n    /// Result rules")
        s = s.replace("    pub candidates: Vec<Candidate>,", "    #[serde(default)]\n    pub candidates: Vec<Candidate>,")
        s = re.sub(r"impl<'de> Deserialize<'de> for Section \{.*?\n\}\n", "", s, flags=re.S)
        return s
    edit("core/src/template.rs", section)
else:
    sys.exit(f"unknown variant {what}")
