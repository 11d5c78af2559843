/** The header's 待办 button: how many things wait for the user, one click to the inbox. */
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../i18n.ts';
import { useTodos } from './api.ts';

export function TodoBell() {
  const t = useT();
  const todos = useTodos();
  const total = todos.data?.total ?? 0;
  return (
    <Tooltip title={t('todo.bell', { n: total })}>
      <Link to="/todos" data-testid="todo-bell" aria-label={t('todo.bell', { n: total })}>
        <Badge count={total} overflowCount={99} size="small">
          <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />}>
            {t('nav.todos')}
          </Button>
        </Badge>
      </Link>
    </Tooltip>
  );
}
