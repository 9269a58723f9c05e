package io.crmkit.accounts;

/**
 * The needs of a key person in Maslow's five levels, which the mind map uses to ask which need a
 * contact serves (生理、安全、社交、尊重、自我实现). Declared from the most basic to the highest.
 */
public enum Need {
    /** Physiological needs (生理需求). */
    PHYSIOLOGICAL,
    /** Safety and security, including the security of the person's position (安全需求). */
    SAFETY,
    /** Belonging and social ties (社交需求). */
    BELONGING,
    /** Esteem and recognition (尊重的需求). */
    ESTEEM,
    /** Self-actualisation: growth and the person's career goals (自我实现的需求). */
    SELF_ACTUALISATION
}
