import CPangoFc
import Foundation

/// The font files Handout renders with, found on this machine and loaded into a private
/// fontconfig configuration, so output never depends on what else is installed.
public struct FontLibrary: Sendable, Hashable {
  /// The font files, in the order they are loaded.
  public var files: [String]

  /// The family list every style falls back through, for text in `language`.
  ///
  /// The emoji face comes right after the body face, so that a sequence such as 💆‍♀️ is shaped
  /// by one font into one glyph; the CJK face follows the language, since Han characters are
  /// drawn differently in Japanese, Korean and Chinese.
  public static func fallbackFamilies(language: String) -> String {
    "Noto Sans, Noto Color Emoji, Noto Sans Arabic, Noto Sans Hebrew, \(cjkFamily(language: language)), "
      + "Noto Sans Symbols, Noto Sans Symbols 2"
  }

  static func cjkFamily(language: String) -> String {
    let tag = language.lowercased()
    switch primaryLanguage(tag) {
    case "ja": return "Noto Sans CJK JP"
    case "zh":
      if tag.contains("hk") || tag.contains("mo") { return "Noto Sans CJK HK" }
      if tag.contains("hant") || tag.contains("tw") { return "Noto Sans CJK TC" }
      return "Noto Sans CJK SC"
    default: return "Noto Sans CJK KR"
    }
  }

  /// Fontconfig rules the private configuration needs. Colour emoji are bitmap strikes: without
  /// a scaling matrix they draw at the strike's size (about 109 px) whatever the text size. And
  /// Pango marks emoji runs with the language `und-zsye`: sending those to the emoji face keeps a
  /// sequence such as 💆‍♀️ (with its joiner and variation selector) in one font.
  static let bitmapScaling = """
    <?xml version="1.0"?>
    <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
    <fontconfig>
      <cachedir>/var/cache/fontconfig</cachedir>
      <cachedir prefix="xdg">fontconfig</cachedir>
      <match target="font">
        <test name="outline" compare="eq"><bool>false</bool></test>
        <edit name="pixelsizefixupfactor" mode="assign">
          <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
        </edit>
      </match>
      <match target="font">
        <test name="outline" compare="eq"><bool>false</bool></test>
        <test name="pixelsizefixupfactor" compare="not_eq"><double>1.0</double></test>
        <edit name="matrix" mode="assign">
          <times>
            <name>matrix</name>
            <matrix>
              <name>pixelsizefixupfactor</name><double>0</double>
              <double>0</double><name>pixelsizefixupfactor</name>
            </matrix>
          </times>
        </edit>
        <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
      </match>
      <match target="pattern">
        <test name="lang"><string>und-zsye</string></test>
        <edit name="family" mode="prepend_first" binding="strong"><string>Noto Color Emoji</string></edit>
      </match>
    </fontconfig>
    """

  /// The files Handout needs, by name; `install-system-deps` installs them.
  static let wanted: [(name: String, package: String)] = [
    ("NotoSans-Regular.ttf", "fonts-noto-core"),
    ("NotoSans-Bold.ttf", "fonts-noto-core"),
    ("NotoSans-Italic.ttf", "fonts-noto-core"),
    ("NotoSans-BoldItalic.ttf", "fonts-noto-core"),
    ("NotoSansArabic-Regular.ttf", "fonts-noto-core"),
    ("NotoSansArabic-Bold.ttf", "fonts-noto-core"),
    ("NotoSansHebrew-Regular.ttf", "fonts-noto-core"),
    ("NotoSansHebrew-Bold.ttf", "fonts-noto-core"),
    ("NotoSansSymbols-Regular.ttf", "fonts-noto-core"),
    ("NotoSansSymbols2-Regular.ttf", "fonts-noto-core"),
    ("NotoSansCJK-Regular.ttc", "fonts-noto-cjk"),
    ("NotoSansCJK-Bold.ttc", "fonts-noto-cjk"),
    ("NotoColorEmoji.ttf", "fonts-noto-color-emoji"),
  ]

  /// The files of the faces every family list starts with: Noto Sans and the emoji face.
  static let primaryNames: Set<String> = [
    "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
    "NotoColorEmoji.ttf",
  ]

  /// The library of the faces every family list starts with, in the same order; `nil` when
  /// this library holds files beyond the wanted ones (a clinic's own faces).
  var primary: FontLibrary? {
    let wantedNames = Set(FontLibrary.wanted.map(\.name))
    let names = files.map { ($0 as NSString).lastPathComponent }
    guard names.allSatisfy(wantedNames.contains), Set(names).count == names.count else { return nil }
    let primary = files.filter { FontLibrary.primaryNames.contains(($0 as NSString).lastPathComponent) }
    return primary.isEmpty ? nil : FontLibrary(files: primary)
  }

  /// Where fonts are looked for, after any directories the user names.
  static let systemDirectories = [
    "/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto", "/usr/share/fonts/google-noto", "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/noto-cjk", "/usr/local/share/fonts", "/opt/homebrew/share/fonts",
    "/Library/Fonts", NSHomeDirectory() + "/Library/Fonts", "/usr/share/fonts",
  ]

  /// A font that could not be found.
  public struct MissingFonts: Error, CustomStringConvertible {
    public var names: [String]
    public var packages: [String]

    public var description: String {
      "fonts not found: \(names.joined(separator: ", ")); install them with scripts/install-system-deps "
        + "(Debian: apt-get install \(packages.joined(separator: " "))) or name their folder with --font-dir"
    }
  }

  /// Finds the project's fonts, looking first in `extraDirectories`.
  ///
  /// The files of `extraDirectories` are loaded too, so a clinic can add its own faces.
  public static func locate(extraDirectories: [String] = []) throws(MissingFonts) -> FontLibrary {
    var files: [String] = []
    var missing: [(String, String)] = []
    let fm = FileManager.default
    for (name, package) in wanted {
      let direct = (extraDirectories + systemDirectories).lazy.map { $0 + "/" + name }
        .first { fm.isReadableFile(atPath: $0) }
      if let path = direct ?? search(name, under: "/usr/share/fonts") {
        files.append(path)
      } else {
        missing.append((name, package))
      }
    }
    for directory in extraDirectories {
      let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
      for entry in entries.sorted() where [".ttf", ".otf", ".ttc"].contains(where: entry.lowercased().hasSuffix) {
        let path = directory + "/" + entry
        if !files.contains(path) { files.append(path) }
      }
    }
    // The emoji and symbol faces are wanted but not required: text still renders without them.
    let required = missing.filter { !$0.0.contains("Emoji") && !$0.0.contains("Symbols") }
    guard required.isEmpty else {
      throw MissingFonts(
        names: required.map(\.0), packages: Array(Set(required.map(\.1))).sorted())
    }
    return FontLibrary(files: files)
  }

  private static func search(_ name: String, under root: String) -> String? {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return nil }
    while let entry = enumerator.nextObject() as? String {
      if entry.hasSuffix("/" + name) || entry == name { return root + "/" + entry }
    }
    return nil
  }

  /// A new fontconfig configuration holding exactly these files.
  ///
  /// A font's description (its coverage above all) is read from fontconfig's cache of its folder
  /// when one is there, as `fc-cache` leaves it when font packages are installed: scanning the
  /// CJK and emoji files instead costs tens of milliseconds at every start. Files without a
  /// valid cache are scanned.
  func makeConfiguration() -> OpaquePointer? {
    guard let config = FcConfigCreate() else { return nil }
    _ = FcConfigParseAndLoadFromMemory(config, FontLibrary.bitmapScaling, 1)
    // The faces found in caches, by the file's position in `files` (a collection has several).
    var cached: [(file: Int, face: Int, pattern: OpaquePointer)] = []
    var caches: [OpaquePointer] = []
    let positions = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    for folder in Set(files.map { ($0 as NSString).deletingLastPathComponent }).sorted() {
      guard let cache = FcDirCacheLoad(folder, config, nil) else { continue }
      caches.append(cache)
      guard let set = FcCacheCopySet(cache) else { continue }
      for index in 0..<Int(set.pointee.nfont) {
        var file: UnsafeMutablePointer<FcChar8>?
        guard let pattern = set.pointee.fonts[index], FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch,
          let file, let position = positions[String(cString: file)], let copy = FcPatternDuplicate(pattern)
        else { continue }
        cached.append((position, index, copy))
      }
      FcFontSetDestroy(set)
    }
    let fromCache = Set(cached.map(\.file))
    for (position, file) in files.enumerated() where !fromCache.contains(position) {
      _ = FcConfigAppFontAddFile(config, file)
    }
    if !cached.isEmpty, FcConfigGetFonts(config, FcSetApplication) == nil {
      // Fontconfig makes the application set when a first file is added; this one adds nothing.
      _ = FcConfigAppFontAddFile(config, "/")
    }
    let set = FcConfigGetFonts(config, FcSetApplication)
    for face in cached.sorted(by: { ($0.file, $0.face) < ($1.file, $1.face) }) {
      if set == nil || FcFontSetAdd(set, face.pattern) == 0 { FcPatternDestroy(face.pattern) }
    }
    caches.forEach { FcDirCacheUnload($0) }
    return config
  }
}
