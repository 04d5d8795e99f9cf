import { loadSocTrackingOptions } from '../soc-tracking/common/soc-tracking-options';
import { loadOcppConfig } from '../ocpp/config/ocpp-config';
import { AppConfig, ConfigError, Env, loadConfig } from './app-config';
import { unknownVariableWarnings, variablesReadBy } from './unknown-variables';

/**
 * Reads every variable the service knows before anything starts, so a wrong value stops start-up with
 * one line naming it instead of failing halfway through module initialisation.
 */
export function validateEnvironment(env: Env = process.env): AppConfig {
  const config = loadConfig(env);
  try {
    loadOcppConfig(env);
  } catch (error) {
    const message = (error as Error).message;
    const variable = /(APRON_[A-Z_]+)/.exec(message)?.[1] ?? 'OCPP';
    throw new ConfigError(variable, message.replace(/^Invalid configuration: (APRON_[A-Z_]+ )?/, ''));
  }
  loadSocTrackingOptions(env);
  return config;
}

/** Warnings for `APRON_*` variables the service does not know (misspelt ones are otherwise ignored silently). */
export function environmentWarnings(env: Env = process.env): string[] {
  return unknownVariableWarnings(env, variablesReadBy(env, validateEnvironment));
}
