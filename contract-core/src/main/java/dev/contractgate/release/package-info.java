/**
 * Released contract versions stay what consumers were built against: {@link dev.contractgate.release.ReleaseLock}
 * (the lock file with a digest of each released file), {@link dev.contractgate.release.LockCheck} (released files
 * edited, added or removed), {@link dev.contractgate.release.BaselineCheck} (a working tree against a baseline
 * tree) and {@link dev.contractgate.release.DeploymentLog} (what runs where, per environment, without a broker).
 */
package dev.contractgate.release;
