import { api, load } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";

export interface ServiceOption {
  name: string;
  product: string;
  /** My contact roles on it: Fast-Path needs the technical one. */
  myRoles: string[];
}

/** My services, first hundred by name: enough for a select; more makes it a typed field. */
export function useServices() {
  return useLoad(
    () =>
      load(api.GET("/api/v1/services", { params: { query: { limit: 100 } } })).then((page) => ({
        items: page.items.map(({ name, product, myRoles }) => ({ name, product, myRoles })),
        more: page.nextCursor !== null,
      })),
    [],
  );
}

/**
 * The service a ticket is about: a select over my services, or, for accounts with more than a
 * page of them (partners), a text field whose suggestions are those services.
 */
export function ServiceField({
  value,
  services,
  more,
  error,
  onChange,
}: {
  value: string;
  services: ServiceOption[];
  more: boolean;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const { t, label } = usePrefs();
  const text = (service: ServiceOption) => `${service.name} (${label("product", service.product)})`;
  if (more) {
    return (
      <Field name="service" label={t("new.service")} hint={t("new.serviceHint")} error={error}>
        {(attrs) => (
          <>
            <input
              {...attrs}
              list="service-names"
              value={value}
              autocomplete="off"
              spellcheck={false}
              required
              onChange={(event) => onChange(event.currentTarget.value.trim())}
            />
            <datalist id="service-names">
              {services.map((service) => (
                <option key={service.name} value={service.name}>
                  {text(service)}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
    );
  }
  return (
    <Field name="service" label={t("new.service")} error={error}>
      {(attrs) => (
        <select
          {...attrs}
          value={value}
          required
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">{t("new.servicePick")}</option>
          {services.map((service) => (
            <option key={service.name} value={service.name}>
              {text(service)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
