/**
 * Session energy from the meter's import register (Energy.Active.Import.Register, Wh). Counting differences of a
 * cumulative register makes repeated and retried readings add nothing. A reading older than the last one counted is
 * ignored (offline queues replay in order; an older reading is already inside the counted difference). A register that
 * drops is a meter reset or replacement: the drop is not counted and the reading becomes the new baseline.
 */
export interface RegisterState {
  energyWh: number;
  lastRegisterWh: number | null;
  lastRegisterAt: Date | null;
  registerResets: number;
}

export const EMPTY_REGISTER: RegisterState = {
  energyWh: 0,
  lastRegisterWh: null,
  lastRegisterAt: null,
  registerResets: 0,
};

export function applyRegisterReading(state: RegisterState, registerWh: number, at: Date): RegisterState {
  if (!Number.isFinite(registerWh)) return state;
  if (state.lastRegisterWh === null || state.lastRegisterAt === null) {
    return { ...state, lastRegisterWh: registerWh, lastRegisterAt: at };
  }
  if (at.getTime() < state.lastRegisterAt.getTime()) return state;
  if (registerWh < state.lastRegisterWh) {
    return { ...state, lastRegisterWh: registerWh, lastRegisterAt: at, registerResets: state.registerResets + 1 };
  }
  return {
    ...state,
    energyWh: state.energyWh + (registerWh - state.lastRegisterWh),
    lastRegisterWh: registerWh,
    lastRegisterAt: at,
  };
}
