package cn.jintan.quality.validation;

/** ERROR rejects the whole submission; WARNING is reported and counts nothing against it. */
public enum Severity { ERROR, WARNING }
