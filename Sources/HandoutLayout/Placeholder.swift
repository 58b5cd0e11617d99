public enum HandoutLayoutPlaceholder {}
