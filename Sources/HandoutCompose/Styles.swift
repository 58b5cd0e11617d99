import HandoutLayout

/// The text styles of a document, derived from a layout's type scale and a palette.
struct Styles {
  let body: TextStyle
  let bodyMuted: TextStyle
  let title: TextStyle
  let subtitle: TextStyle
  let heading: TextStyle
  let subheading: TextStyle
  let small: TextStyle
  let label: TextStyle
  let emphasis: TextStyle

  init(scale: LayoutSpec.TypeScale, palette: Palette, language: String) {
    let base = TextStyle(
      family: scale.family, size: scale.body, color: palette.text, lineHeight: scale.lineHeight,
      hyphenates: scale.hyphenation ?? false, language: language)
    body = base
    bodyMuted = base.with { $0.color = palette.muted }
    title = base.with {
      $0.size = scale.title
      $0.weight = .bold
      $0.color = palette.accent
      $0.lineHeight = 1.15
      $0.hyphenates = false
    }
    subtitle = base.with {
      $0.size = scale.body * 1.1
      $0.color = palette.muted
    }
    heading = base.with {
      $0.size = scale.heading
      $0.weight = .bold
      $0.color = palette.accent
      $0.lineHeight = 1.2
      $0.hyphenates = false
    }
    subheading = base.with {
      $0.size = scale.subheading
      $0.weight = .bold
      $0.lineHeight = 1.25
    }
    small = base.with {
      $0.size = scale.small
      $0.color = palette.muted
      $0.lineHeight = 1.3
    }
    label = small.with { $0.weight = .bold }
    emphasis = base.with { $0.weight = .bold }
  }
}
