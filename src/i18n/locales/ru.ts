import type { Catalogue } from "./en.ts";

const ru: Catalogue = {
  problem: {
    validation_failed: "Запрос некорректен",
    malformed_json: "Тело запроса не является корректным JSON",
    invalid_cursor: "Курсор пагинации некорректен",
    invalid_idempotency_key: "Заголовок Idempotency-Key некорректен",
    unauthenticated: "Сначала войдите в систему",
    invalid_credentials: "Неверный адрес электронной почты или пароль",
    csrf_failed: "CSRF-токен отсутствует или неверен",
    insufficient_scope: "Этот токен позволяет только чтение",
    forbidden: "У вас нет прав на это действие",
    not_found: "Не найдено",
    route_not_found: "Такой точки доступа нет",
    method_not_allowed: "Метод не разрешён",
    conflict: "Это противоречит текущему состоянию",
    already_exists: "Это уже существует",
    contact_change_open: "Для этой услуги и роли уже открыта смена контакта",
    contact_change_closed: "Эта смена контакта больше не открыта",
    contact_change_expired: "Срок этой смены контакта истёк",
    ticket_closed: "Этот тикет закрыт",
    reopen_window_passed: "Этот тикет больше нельзя открыть повторно",
    same_account: "Этот аккаунт уже имеет эту роль",
    token_already_used: "Этот токен уже использован",
    idempotency_in_progress: "Запрос с этим Idempotency-Key ещё обрабатывается",
    uri_too_long: "Адрес слишком длинный",
    payload_too_large: "Тело запроса слишком велико",
    unsupported_media_type: "Неподдерживаемый тип содержимого",
    idempotency_key_reused: "Этот Idempotency-Key использован для другого запроса",
    invalid_token: "Токен недействителен для этой смены контакта",
    region_mismatch: "Оба аккаунта должны быть в одном регионе",
    role_not_transferable: "Вы не можете передать эту контактную роль",
    level_not_offered: "Этот уровень поддержки здесь не предлагается",
    fast_path_not_certified:
      "Подписаться на Fast-Path могут только сертифицированные технические партнёры",
    fast_path_not_subscribed: "У вашего аккаунта нет активной подписки Fast-Path",
    fast_path_not_tech_contact:
      "Fast-Path действует только для услуг, где ваш аккаунт — технический контакт",
    fast_path_quota_exhausted: "Ваша годовая квота Fast-Path исчерпана",
    unprocessable: "Запрос не может быть обработан",
    rate_limited: "Слишком много запросов, повторите позже",
    internal_error: "На нашей стороне произошла ошибка",
    unavailable: "Сервис не готов",
  },
  ticket: {
    status: {
      open: "открыт",
      "waiting-for-customer": "ожидает клиента",
      "waiting-for-provider": "ожидает поставщика",
      "on-hold": "приостановлен",
      solved: "решён",
      closed: "закрыт",
    },
    system: {
      status: "Статус изменён: {{from}} → {{to}}.",
      reopened: "Повторно открыт клиентом.",
      closedByCustomer: "Закрыт клиентом.",
      autoClosed: "Закрыт автоматически через {{days}} дн. после решения, так как ответа не было.",
    },
    owner: {
      provider: "Эта область — наша зона ответственности",
      customer: "Эта область — ваша зона ответственности",
      shared: "Эта область — общая зона ответственности",
    },
    outOfPerimeter: {
      answer:
        "Спасибо за ваше сообщение. Описанная вами проблема относится к области «{{area}}» матрицы ответственности {{product}}. {{owner}}:\n\n> {{explanation}}\n\nПоэтому мы не можем вмешаться сами. Где получить помощь:\n- Документация: {{documentationUrl}}\n- Сертифицированные технические партнёры:\n{{partners}}\n\nЕсли мы неправильно поняли ваш запрос, ответьте на этот тикет, и мы рассмотрим его ещё раз.",
      noPartners: "(пока нет)",
    },
  },
};
export default ru;
