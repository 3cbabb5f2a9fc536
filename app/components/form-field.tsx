import type { ReactNode } from 'react'

type Props = {
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number'
  defaultValue?: string
  error?: string | null
  hint?: ReactNode
  autoComplete?: string
  required?: boolean
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url'
}

/** A labelled input with its hint and error wired up for screen readers. Presentational only. */
export function FormField({
  name,
  label,
  type = 'text',
  defaultValue,
  error,
  hint,
  autoComplete,
  required,
  inputMode,
}: Props) {
  const id = `f-${name}`
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function FormNotice({ kind, children }: { kind: 'ok' | 'error'; children: ReactNode }) {
  return (
    <p
      className={kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'}
      role={kind === 'ok' ? 'status' : 'alert'}
    >
      {children}
    </p>
  )
}
