public enum HandoutKitPlaceholder {}
