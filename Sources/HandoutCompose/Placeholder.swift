public enum HandoutComposePlaceholder {}
